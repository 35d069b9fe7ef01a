package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.UnreachableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection per host for the whole run: opened on first use (a host whose tasks are all skipped costs
 * nothing), reused by every later task, closed together at the end or when the run is interrupted.
 */
public final class HostConnections implements AutoCloseable {
    private final ConnectionFactory factory;
    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

    public HostConnections(ConnectionFactory factory) {
        this.factory = factory;
    }

    /** The host's connection, opening it if this is the first use; throws {@link UnreachableException}. */
    public Connection get(String host) {
        Connection existing = open.get(host);
        if (existing != null) {
            return existing;
        }
        // A lock per host: opening one slow host must not hold up the others.
        synchronized (locks.computeIfAbsent(host, h -> new Object())) {
            existing = open.get(host);
            if (existing != null) {
                return existing;
            }
            if (closed) {
                throw new UnreachableException(host, host + ": the run is shutting down");
            }
            Connection connection = factory.open(host);
            opened.incrementAndGet();
            open.put(host, connection);
            if (closed) {
                // close() ran while we were connecting: do not leak this one
                open.remove(host);
                connection.close();
                throw new UnreachableException(host, host + ": the run is shutting down");
            }
            return connection;
        }
    }

    /** Closes and forgets one host's connection ({@code meta: reset_connection}, or after it broke). */
    public void reset(String host) {
        Connection connection = open.remove(host);
        if (connection != null) {
            closeQuietly(connection);
        }
    }

    /** How many connections were opened in this run (one per host reached, unless reset). */
    public int openedCount() {
        return opened.get();
    }

    @Override
    public void close() {
        closed = true;
        for (String host : open.keySet()) {
            reset(host);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // closing a broken connection may fail; it is gone either way
        }
    }
}

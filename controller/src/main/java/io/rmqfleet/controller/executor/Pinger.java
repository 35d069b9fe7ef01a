package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.connection.UnreachableException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * SSH reachability of many hosts at once: each host is connected (host key checked, login done), runs
 * {@code true}, and is closed. Latency bound, so many run in parallel; each result is handed over as soon as the
 * host answers.
 */
public final class Pinger {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionFactory connections;
    private final int forks;

    public Pinger(ConnectionFactory connections, int forks) {
        this.connections = connections;
        this.forks = forks;
    }

    /** Pings every host; {@code onResult} is called once per host, one call at a time, in completion order. */
    public List<PingResult> ping(List<String> hosts, Consumer<PingResult> onResult) throws InterruptedException {
        if (hosts.isEmpty()) {
            return List.of();
        }
        Object lock = new Object();
        try (ForkPool pool = new ForkPool(Math.min(forks, hosts.size()))) {
            return pool.map(hosts, host -> {
                PingResult result = pingOne(host);
                synchronized (lock) {
                    onResult.accept(result);
                }
                return result;
            });
        }
    }

    PingResult pingOne(String host) {
        try (Connection connection = connections.open(host)) {
            // `true` cannot hang: spare the host the timeout wrapper's processes (fifty hosts at once add up)
            ExecResult r = connection instanceof SshConnection ssh ? ssh.execAsIs("true", COMMAND_TIMEOUT)
                : connection.exec("true", COMMAND_TIMEOUT);
            if (!r.ok()) {
                return new PingResult(host, false, "'true' exited with " + r.exitCode() + ": " + r.tail(3));
            }
            return new PingResult(host, true, "pong");
        } catch (UnreachableException e) {
            return new PingResult(host, false, e.getMessage());
        } catch (RuntimeException e) {
            return new PingResult(host, false, host + ": " + e);
        }
    }
}

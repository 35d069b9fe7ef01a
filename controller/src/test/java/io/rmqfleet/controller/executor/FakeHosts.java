package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.UnreachableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections to pretend hosts: every {@link #open} is counted, a host in {@link #down} cannot be reached, and a
 * host in {@link #dropAfter} loses its connection after that many commands (as if it was switched off).
 */
final class FakeHosts implements ConnectionFactory {
    final Set<String> down = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> dropAfter = new ConcurrentHashMap<>();
    final List<String> opened = Collections.synchronizedList(new ArrayList<>());
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Connection open(String host) {
        if (down.contains(host)) {
            throw new UnreachableException(host, host + " (10.213.0.99:22): cannot connect: Connection refused");
        }
        opened.add(host);
        return new Fake(host);
    }

    private final class Fake implements Connection {
        private final String host;
        private int executed;

        Fake(String host) {
            this.host = host;
        }

        @Override
        public String hostName() {
            return host;
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            return exec(command, null, timeout);
        }

        @Override
        public synchronized ExecResult exec(String command, byte[] stdin, Duration timeout) {
            Integer limit = dropAfter.get(host);
            if (limit != null && executed >= limit) {
                throw new UnreachableException(host, host + ": ssh connection lost during exec: Broken transport");
            }
            executed++;
            commands.add(host + ":" + command);
            return new ExecResult(0, "", "");
        }

        @Override
        public void put(Path localFile, String remotePath, int mode) {
        }

        @Override
        public void put(byte[] content, String remotePath, int mode) {
        }

        @Override
        public Optional<byte[]> fetch(String remotePath) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}

package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.ShellQuote;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host's shared connection as one task sees it: commands get the task's {@code environment:} exported and run
 * through {@code sudo -n} when the task becomes another user than the login user. Files go over SFTP as the
 * login user (as root on the usual root logins).
 */
final class TaskConnection implements Connection {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Connection base;
    private final String prefix;
    private final String sudoUser;

    private TaskConnection(Connection base, String prefix, String sudoUser) {
        this.base = base;
        this.prefix = prefix;
        this.sudoUser = sudoUser;
    }

    /**
     * @param becomeUser the user to become, or null to stay the login user
     * @param loginUser  the SSH user (sudo is skipped when it already is {@code becomeUser})
     */
    static Connection of(Connection base, Map<String, ?> environment, String becomeUser, String loginUser) {
        StringBuilder exports = new StringBuilder();
        environment.forEach((k, v) -> {
            if (!NAME.matcher(k).matches()) {
                throw new IllegalArgumentException("environment: '" + k + "' is not a valid variable name");
            }
            exports.append("export ").append(k).append('=').append(ShellQuote.quote(v == null ? "" : String.valueOf(v)))
                .append("; ");
        });
        String sudo = becomeUser == null || becomeUser.equals(loginUser) ? null : becomeUser;
        if (exports.isEmpty() && sudo == null) {
            return base;
        }
        return new TaskConnection(base, exports.toString(), sudo);
    }

    String wrap(String command) {
        String withEnv = prefix + command;
        if (sudoUser == null) {
            return withEnv;
        }
        String as = "root".equals(sudoUser) ? "" : "-u " + ShellQuote.quote(sudoUser) + " ";
        return "sudo -n -H " + as + "-- sh -c " + ShellQuote.quote(withEnv);
    }

    @Override
    public String hostName() {
        return base.hostName();
    }

    @Override
    public ExecResult exec(String command, Duration timeout) {
        return base.exec(wrap(command), timeout);
    }

    @Override
    public ExecResult exec(String command, byte[] stdin, Duration timeout) {
        return base.exec(wrap(command), stdin, timeout);
    }

    @Override
    public void put(Path localFile, String remotePath, int mode) {
        base.put(localFile, remotePath, mode);
    }

    @Override
    public void put(byte[] content, String remotePath, int mode) {
        base.put(content, remotePath, mode);
    }

    @Override
    public Optional<byte[]> fetch(String remotePath) {
        return base.fetch(remotePath);
    }

    /** The shared connection stays open for the next task; the run closes it. */
    @Override
    public void close() {
    }
}

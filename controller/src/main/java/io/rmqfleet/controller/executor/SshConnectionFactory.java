package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.LocalConnection;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.connection.SshSettings;
import io.rmqfleet.controller.connection.UnreachableException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens a host's connection from its inventory variables, as Ansible reads them: {@code ansible_connection=local}
 * (or an implicit {@code localhost}) runs on the controller, everything else is SSH with
 * {@code ansible_host}/{@code ansible_port}/{@code ansible_user}/{@code ansible_ssh_private_key_file} and the
 * known_hosts files named in {@code ansible_ssh_common_args} plus {@code ~/.ssh/known_hosts}.
 * Privilege escalation is applied per task ({@link TaskConnection}), so the SSH layer never adds sudo itself.
 */
public final class SshConnectionFactory implements ConnectionFactory {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "127.0.0.1", "::1");

    private final Function<String, Map<String, ?>> connectionVars;
    private final LoginOptions login;
    private final Path home;

    /**
     * @param connectionVars a host's variables with its {@code ansible_*} connection values already templated;
     *                       empty for a host the inventory does not know
     */
    public SshConnectionFactory(Function<String, Map<String, ?>> connectionVars, LoginOptions login, Path home) {
        this.connectionVars = connectionVars;
        this.login = login;
        this.home = home;
    }

    @Override
    public Connection open(String host) {
        Map<String, ?> vars = connectionVars.apply(host);
        if (isLocal(host, vars)) {
            return new LocalConnection(host);
        }
        SshSettings settings;
        try {
            settings = settings(host, vars, home);
        } catch (IllegalArgumentException e) {
            throw new UnreachableException(host, e.getMessage(), e);
        }
        return SshConnection.open(settings, login);
    }

    /** The SSH settings of a host, with become left to the tasks. */
    static SshSettings settings(String host, Map<String, ?> vars, Path home) {
        SshSettings s = SshSettings.fromHostVars(host, vars, home);
        return new SshSettings(s.hostName(), s.address(), s.port(), s.user(), s.privateKey(), s.knownHostsFiles(),
            false, s.connectTimeout(), s.keepAliveInterval());
    }

    static boolean isLocal(String host, Map<String, ?> vars) {
        Object connection = vars.get("ansible_connection");
        if (connection != null) {
            return "local".equals(String.valueOf(connection).strip());
        }
        return vars.get("ansible_host") == null && LOCAL_NAMES.contains(host);
    }
}

package io.rmqfleet.controller.connection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one host over SSH, read from the same inventory variables Ansible uses, so one inventory
 * serves both: {@code ansible_host}, {@code ansible_port}, {@code ansible_user},
 * {@code ansible_ssh_private_key_file}, {@code ansible_become}, {@code ansible_ssh_timeout}, and
 * {@code -o UserKnownHostsFile=... / GlobalKnownHostsFile=... / ConnectTimeout=...} inside
 * {@code ansible_ssh_common_args} / {@code ansible_ssh_extra_args}.
 *
 * <p>Host keys are always checked strictly against the known_hosts files; {@code StrictHostKeyChecking=no}
 * is not honoured (an unknown key is refused with its fingerprint, so it can be checked and added).
 *
 * @param hostName          inventory name, used in every message
 * @param address           what to connect to
 * @param privateKey        the key to log in with; empty: the user's default keys (~/.ssh/id_*)
 * @param knownHostsFiles   every file that may vouch for the host key, in order
 * @param become            run commands through {@code sudo -n} when the user is not root
 */
public record SshSettings(
    String hostName,
    String address,
    int port,
    String user,
    Optional<Path> privateKey,
    List<Path> knownHostsFiles,
    boolean become,
    Duration connectTimeout,
    Duration keepAliveInterval) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(15);

    public SshSettings {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        knownHostsFiles = List.copyOf(knownHostsFiles);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(hostName + ": ansible_port out of range: " + port);
        }
    }

    /** Settings for {@code hostName} from its merged inventory variables; {@code home} expands {@code ~}. */
    public static SshSettings fromHostVars(String hostName, Map<String, ?> vars, Path home) {
        String address = string(vars, "ansible_host", "ansible_ssh_host").orElse(hostName);
        int port = string(vars, "ansible_port", "ansible_ssh_port").map(p -> parsePort(hostName, p)).orElse(22);
        String user = string(vars, "ansible_user", "ansible_ssh_user", "ansible_remote_user")
            .orElse(System.getProperty("user.name", "root"));
        Optional<Path> key = string(vars, "ansible_ssh_private_key_file", "ansible_private_key_file")
            .map(p -> expand(p, home));

        String args = string(vars, "ansible_ssh_common_args").orElse("") + " "
            + string(vars, "ansible_ssh_extra_args").orElse("");
        Map<String, String> options = SshOptionArgs.options(args);

        List<Path> knownHosts = new ArrayList<>();
        String userFiles = options.getOrDefault("userknownhostsfile", "~/.ssh/known_hosts");
        for (String file : userFiles.strip().split("\\s+")) {
            if (!file.isEmpty() && !file.equalsIgnoreCase("none")) {
                knownHosts.add(expand(file, home));
            }
        }
        String globalFiles = options.getOrDefault("globalknownhostsfile", "/etc/ssh/ssh_known_hosts");
        for (String file : globalFiles.strip().split("\\s+")) {
            if (!file.isEmpty() && !file.equalsIgnoreCase("none")) {
                knownHosts.add(expand(file, home));
            }
        }

        Duration connectTimeout = Optional.ofNullable(options.get("connecttimeout"))
            .or(() -> string(vars, "ansible_ssh_timeout", "ansible_timeout"))
            .map(s -> Duration.ofSeconds(parsePositive(hostName, "connect timeout", s)))
            .orElse(DEFAULT_CONNECT_TIMEOUT);
        boolean become = string(vars, "ansible_become").map(SshSettings::truthy).orElse(false);

        return new SshSettings(hostName, address, port, user, key, knownHosts, become, connectTimeout,
            DEFAULT_KEEPALIVE);
    }

    /** {@code host1 (10.213.0.11:22)}: how messages name the host. */
    public String describe() {
        return hostName + " (" + address + ":" + port + ")";
    }

    private static Optional<String> string(Map<String, ?> vars, String... names) {
        for (String name : names) {
            Object value = vars.get(name);
            if (value != null && !String.valueOf(value).isBlank()) {
                return Optional.of(String.valueOf(value).strip());
            }
        }
        return Optional.empty();
    }

    private static Path expand(String path, Path home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    private static int parsePort(String host, String value) {
        return (int) parsePositive(host, "ansible_port", value);
    }

    private static long parsePositive(String host, String what, String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(host + ": " + what + " must be a positive number: " + value);
        }
    }

    /** Ansible's booleans: yes/true/on/1 (any case). */
    static boolean truthy(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1", "y", "t" -> true;
            default -> false;
        };
    }
}

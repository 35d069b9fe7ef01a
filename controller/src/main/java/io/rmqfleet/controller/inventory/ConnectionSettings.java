package io.rmqfleet.controller.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the SSH layer needs to reach a host, read from its variables with Ansible's names and aliases (the later
 * alias wins, as in Ansible's ssh connection plugin: {@code ansible_ssh_host} over {@code ansible_host}).
 * Values are taken as written in the inventory; a value that is still a Jinja template ("{{ ... }}") must be
 * rendered first, then passed to {@link #from(String, Map)} again.
 *
 * @param address        {@code ansible_host} / {@code ansible_ssh_host}, else the inventory name
 * @param port           {@code ansible_port} / {@code ansible_ssh_port}; empty: the SSH default (22)
 * @param user           {@code ansible_user} / {@code ansible_ssh_user}
 * @param privateKeyFile {@code ansible_private_key_file} / {@code ansible_ssh_private_key_file}
 * @param sshCommonArgs  {@code ansible_ssh_common_args}
 * @param sshExtraArgs   {@code ansible_ssh_extra_args}
 * @param connection     {@code ansible_connection} (ssh, local, ...); empty: ssh
 * @param become         {@code ansible_become}
 * @param becomeUser     {@code ansible_become_user}
 */
public record ConnectionSettings(String address, OptionalInt port, Optional<String> user, Optional<String> privateKeyFile,
                                 Optional<String> sshCommonArgs, Optional<String> sshExtraArgs, Optional<String> connection,
                                 boolean become, Optional<String> becomeUser) {

    public static ConnectionSettings from(String hostName, Map<String, Object> vars) {
        String address = text(vars, "ansible_ssh_host", "ansible_host").orElse(hostName);
        OptionalInt port = OptionalInt.empty();
        Object rawPort = first(vars, "ansible_ssh_port", "ansible_port");
        if (rawPort != null) {
            port = OptionalInt.of(toPort(rawPort));
        }
        Object rawBecome = vars.get("ansible_become");
        boolean become = rawBecome != null && AnsibleBoolean.parse(untemplated(rawBecome, "ansible_become"), "ansible_become");
        return new ConnectionSettings(address, port,
            text(vars, "ansible_ssh_user", "ansible_user"),
            text(vars, "ansible_ssh_private_key_file", "ansible_private_key_file"),
            text(vars, "ansible_ssh_common_args"),
            text(vars, "ansible_ssh_extra_args"),
            text(vars, "ansible_connection"),
            become,
            text(vars, "ansible_become_user"));
    }

    private static int toPort(Object raw) {
        Object value = untemplated(raw, "ansible_port");
        try {
            long port = value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("ansible_port out of range: " + port);
            }
            return (int) port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ansible_port is not a number: " + PythonRepr.str(value));
        }
    }

    /** The value of the last name present (later names are Ansible's higher-precedence aliases). */
    private static Object first(Map<String, Object> vars, String... namesHighestFirst) {
        for (String name : namesHighestFirst) {
            if (vars.get(name) != null) {
                return vars.get(name);
            }
        }
        return null;
    }

    private static Optional<String> text(Map<String, Object> vars, String... namesHighestFirst) {
        Object value = first(vars, namesHighestFirst);
        return value == null ? Optional.empty() : Optional.of(PythonRepr.str(value));
    }

    private static Object untemplated(Object value, String name) {
        if (value instanceof CharSequence s && s.toString().contains("{{")) {
            throw new IllegalStateException(name + " is a template (" + s + "): render the host's variables first");
        }
        return value;
    }
}

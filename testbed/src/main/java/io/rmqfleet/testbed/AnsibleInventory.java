package io.rmqfleet.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A YAML inventory that rmqfleet and ansible-playbook both use unchanged: hosts in group {@code testbed}, root
 * by key, host keys checked strictly against the bed's own known_hosts (never the user's).
 */
public final class AnsibleInventory {
    public static final String GROUP = "testbed";

    private AnsibleInventory() {
    }

    public static String render(List<TestHost> hosts, Path privateKey, Path knownHosts) {
        StringBuilder out = new StringBuilder();
        out.append("# Written by the rmqfleet test bed; works with rmqfleet and ansible-playbook alike.\n");
        out.append("all:\n  children:\n    ").append(GROUP).append(":\n      hosts:\n");
        String sshArgs = "-o UserKnownHostsFile=" + knownHosts.toAbsolutePath() + " -o StrictHostKeyChecking=yes";
        for (TestHost host : hosts) {
            out.append("        ").append(host.name()).append(":\n");
            property(out, "ansible_host", host.address());
            out.append("          ansible_port: ").append(host.sshPort()).append('\n');
            property(out, "ansible_user", "root");
            property(out, "ansible_ssh_private_key_file", privateKey.toAbsolutePath().toString());
            property(out, "ansible_ssh_common_args", sshArgs);
            property(out, "ansible_python_interpreter", "/usr/bin/python3");
        }
        return out.toString();
    }

    public static void write(Path file, List<TestHost> hosts, Path privateKey, Path knownHosts) throws IOException {
        Files.writeString(file, render(hosts, privateKey, knownHosts), StandardCharsets.UTF_8);
    }

    private static void property(StringBuilder out, String key, String value) {
        out.append("          ").append(key).append(": ").append(quote(value)).append('\n');
    }

    /** A double-quoted YAML scalar: safe for any path or argument string. */
    static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}

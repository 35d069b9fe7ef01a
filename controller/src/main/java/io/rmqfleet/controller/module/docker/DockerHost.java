package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.facts.FactsParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What docker_install needs to know about a host, from one probe command: is Docker installed, is a daemon
 * running, does it answer, which init system and package manager are there. {@link #command()} and
 * {@link #parse} are pure.
 */
record DockerHost(boolean installed, boolean daemonRunning, String serverVersion, String pid1, boolean systemctl,
                  boolean initScript, List<String> packageManagers, String osId, String osFamily) {

    static String command() {
        return String.join("\n",
                "echo \"dockerd:$(command -v dockerd 2>/dev/null)\"",
                "echo \"docker:$(command -v docker 2>/dev/null)\"",
                "echo \"running:$(pidof dockerd 2>/dev/null || pgrep -x dockerd 2>/dev/null)\"",
                "if command -v docker >/dev/null 2>&1; then echo \"server:$(timeout 10 docker version --format "
                        + "'{{.Server.Version}}' 2>/dev/null)\"; fi",
                "echo \"pid1:$(cat /proc/1/comm 2>/dev/null)\"",
                "if command -v systemctl >/dev/null 2>&1; then echo systemctl:yes; fi",
                "if command -v service >/dev/null 2>&1 && [ -x /etc/init.d/docker ]; then echo initd:yes; fi",
                "for m in apt-get dnf yum; do if command -v \"$m\" >/dev/null 2>&1; then echo \"pkg:$m\"; fi; done",
                "for f in /etc/os-release /usr/lib/os-release; do if [ -r \"$f\" ]; then "
                        + "grep -E '^(ID|ID_LIKE)=' \"$f\" | sed 's/^/os:/'; break; fi; done",
                "exit 0");
    }

    static DockerHost parse(String stdout) {
        Map<String, List<String>> s = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                s.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        String id = "";
        String like = "";
        for (String kv : s.getOrDefault("os", List.of())) {
            String value = kv.substring(kv.indexOf('=') + 1).replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
            if (kv.startsWith("ID=")) {
                id = value;
            } else if (kv.startsWith("ID_LIKE=")) {
                like = value;
            }
        }
        return new DockerHost(!first(s, "dockerd").isEmpty() && !first(s, "docker").isEmpty(),
                !first(s, "running").isEmpty(), first(s, "server"), first(s, "pid1"),
                s.containsKey("systemctl"), s.containsKey("initd"), s.getOrDefault("pkg", List.of()), id,
                FactsParser.family(id, List.of(like.split("\\s+"))));
    }

    boolean answering() {
        return !serverVersion.isEmpty();
    }

    private static String first(Map<String, List<String>> s, String key) {
        List<String> l = s.get(key);
        return l == null || l.isEmpty() ? "" : l.get(0);
    }
}

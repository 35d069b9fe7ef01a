package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.support.ShellWords;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks docker_container's arguments into a normalized {@link ContainerSpec}. Pure. */
final class ContainerArgs {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final Pattern PORT = Pattern.compile(
            "((\\d{1,3}\\.){3}\\d{1,3}:)?((\\d{1,5}(-\\d{1,5})?)?:)?\\d{1,5}(-\\d{1,5})?(/(tcp|udp|sctp))?");
    private static final Pattern MEMORY = Pattern.compile("(\\d{1,12})([bkmg]?)");
    private static final Pattern ENV_NAME = Pattern.compile("[^=\\s]+");

    private ContainerArgs() {
    }

    static ContainerSpec spec(ModuleArgs args) {
        String name = args.string("name");
        if (!NAME.matcher(name).matches()) {
            throw new ModuleArgumentException("argument 'name' is not a valid container name: '" + name + "'");
        }
        String restart = args.choice("restart_policy", "no", "no", "always", "unless-stopped", "on-failure");
        Integer retries = args.optInteger("restart_retries").orElse(null);
        if (retries != null && !restart.equals("on-failure")) {
            throw new ModuleArgumentException("argument 'restart_retries' needs restart_policy: on-failure");
        }
        Integer stopTimeout = args.optInteger("stop_timeout").orElse(null);
        if (stopTimeout != null && stopTimeout < 0) {
            throw new ModuleArgumentException("argument 'stop_timeout' must not be negative");
        }
        return new ContainerSpec(name, args.string("image"), command(args), env(args), ports(args), volumes(args),
                args.optString("network_mode").filter(s -> !s.isBlank()).orElse(null), restart, retries,
                args.optString("user").filter(s -> !s.isBlank()).orElse(null), labels(args), healthcheck(args),
                stopTimeout, memory(args));
    }

    /** {@code memory: 96m} like docker's {@code --memory}: bytes, or a number with b, k, m or g (powers of 1024). */
    static Long memory(ModuleArgs args) {
        Object raw = args.raw("memory");
        if (raw == null || raw.toString().isBlank() || raw.toString().equals("0")) {
            return null;
        }
        Matcher m = MEMORY.matcher(raw.toString().strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new ModuleArgumentException("argument 'memory': expected bytes or a number with b, k, m or g, got '"
                    + raw + "'");
        }
        long factor = switch (m.group(2)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes = Long.parseLong(m.group(1)) * factor;
        if (bytes < 6L * 1024 * 1024) {
            throw new ModuleArgumentException("argument 'memory': Docker's minimum is 6m, got '" + raw + "'");
        }
        return bytes;
    }

    /** A string is split like a shell would (as Ansible does); a list is taken word for word. */
    static List<String> command(ModuleArgs args) {
        Object raw = args.raw("command");
        if (raw == null) {
            return null;
        }
        return raw instanceof List ? args.stringList("command") : ShellWords.split(args.string("command"));
    }

    static SortedMap<String, String> env(ModuleArgs args) {
        SortedMap<String, String> env = new TreeMap<>();
        for (Map.Entry<String, Object> e : args.map("env").entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new ModuleArgumentException("argument 'env' has an invalid variable name: '" + e.getKey() + "'");
            }
            Object v = e.getValue();
            if (v instanceof Boolean) {
                // as Ansible: yes/no/true become booleans in YAML; quote them so the container gets the text meant
                throw new ModuleArgumentException("argument 'env': the value of " + e.getKey()
                        + " is a boolean; quote it (e.g. \"true\") so the intended text is passed");
            }
            if (v instanceof Map || v instanceof List) {
                throw new ModuleArgumentException("argument 'env': the value of " + e.getKey() + " must be a string");
            }
            env.put(e.getKey(), v == null ? "" : v.toString());
        }
        return env;
    }

    static List<String> ports(ModuleArgs args) {
        List<String> out = new ArrayList<>();
        for (String port : args.stringList("ports")) {
            String p = port.trim();
            if (!PORT.matcher(p).matches()) {
                throw new ModuleArgumentException("argument 'ports': '" + port
                        + "' is not [ip:][host_port:]container_port[/tcp|udp|sctp]");
            }
            out.add(p.endsWith("/tcp") ? p.substring(0, p.length() - 4) : p);
        }
        return out;
    }

    static List<String> volumes(ModuleArgs args) {
        List<String> out = new ArrayList<>();
        for (String volume : args.stringList("volumes")) {
            String v = volume.trim();
            String[] parts = v.split(":");
            String target = parts.length == 1 ? parts[0] : parts[1];
            if (parts.length > 3 || !target.startsWith("/")) {
                throw new ModuleArgumentException("argument 'volumes': '" + volume
                        + "' is not source:/container/path[:options]");
            }
            out.add(v.endsWith(":rw") ? v.substring(0, v.length() - 3) : v);
        }
        return out;
    }

    static SortedMap<String, String> labels(ModuleArgs args) {
        SortedMap<String, String> labels = new TreeMap<>();
        for (Map.Entry<String, Object> e : args.map("labels").entrySet()) {
            if (e.getKey().equals(ContainerSpec.MANAGED_LABEL) || e.getKey().equals(ContainerSpec.HASH_LABEL)) {
                throw new ModuleArgumentException("argument 'labels': " + e.getKey()
                        + " is reserved (the module sets it)");
            }
            labels.put(e.getKey(), e.getValue() == null ? "" : e.getValue().toString());
        }
        return labels;
    }

    static Healthcheck healthcheck(ModuleArgs args) {
        if (!args.has("healthcheck")) {
            return null;
        }
        ModuleArgs hc = ModuleArgs.of(args.map("healthcheck"));
        for (String key : hc.asMap().keySet()) {
            if (!List.of("test", "interval", "timeout", "retries", "start_period", "disable").contains(key)) {
                throw new ModuleArgumentException("argument 'healthcheck' has an unsupported key '" + key
                        + "' (supported: test, interval, timeout, retries, start_period, disable)");
            }
        }
        if (hc.bool("disable", false)) {
            return new Healthcheck(List.of("NONE"), null, null, null, null);
        }
        List<String> test;
        Object raw = hc.raw("test");
        if (raw == null) {
            throw new ModuleArgumentException("argument 'healthcheck' needs 'test' (or disable: true)");
        }
        if (raw instanceof List) {
            test = hc.stringList("test");
            if (test.isEmpty() || !List.of("CMD", "CMD-SHELL", "NONE").contains(test.get(0))) {
                throw new ModuleArgumentException("argument 'healthcheck': a test list starts with CMD, CMD-SHELL or NONE");
            }
        } else {
            test = List.of("CMD-SHELL", hc.string("test"));
        }
        return new Healthcheck(test, duration(hc, "interval"), duration(hc, "timeout"),
                hc.optInteger("retries").orElse(null), duration(hc, "start_period"));
    }

    private static String duration(ModuleArgs hc, String key) {
        if (!hc.has(key)) {
            return null;
        }
        Duration d = GoDuration.parse("healthcheck." + key, hc.raw(key));
        return GoDuration.format(d);
    }
}

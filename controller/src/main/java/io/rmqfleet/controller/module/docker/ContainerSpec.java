package io.rmqfleet.controller.module.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A container as a task wants it, normalized: lists that mean the same thing in any order are sorted, defaults are
 * explicit, so two specs with the same meaning have the same {@link SpecHash canonical JSON and hash}.
 *
 * @param command       arguments after the image ({@code null}: the image's default command)
 * @param networkMode   {@code null}: Docker's default network
 * @param restartPolicy no, always, unless-stopped or on-failure
 * @param restartRetries for on-failure only; null otherwise
 * @param user          null: the image's user
 * @param labels        the task's labels (without the rmqfleet.* labels the module adds)
 * @param healthcheck   null: the image's health check
 * @param stopTimeout   seconds Docker waits after SIGTERM before SIGKILL; null: Docker's default (10)
 * @param memoryBytes   hard memory limit ({@code --memory}) in bytes; null: unlimited
 */
public record ContainerSpec(String name, String image, List<String> command, SortedMap<String, String> env,
                            List<String> ports, List<String> volumes, String networkMode, String restartPolicy,
                            Integer restartRetries, String user, SortedMap<String, String> labels,
                            Healthcheck healthcheck, Integer stopTimeout,
                            Long memoryBytes) {

    public static final String MANAGED_LABEL = "rmqfleet.managed";
    public static final String HASH_LABEL = "rmqfleet.spec-hash";

    public ContainerSpec {
        command = command == null || command.isEmpty() ? null : List.copyOf(command);
        ports = ports.stream().sorted().toList();
        volumes = volumes.stream().sorted().toList();
    }

    /** The spec as a map with stable key order; absent values left out. The basis of hash and diff. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("image", image);
        putIf(m, "command", command);
        putIf(m, "env", env.isEmpty() ? null : env);
        putIf(m, "ports", ports.isEmpty() ? null : ports);
        putIf(m, "volumes", volumes.isEmpty() ? null : volumes);
        putIf(m, "network_mode", networkMode);
        m.put("restart_policy", restartPolicy);
        putIf(m, "restart_retries", restartRetries);
        putIf(m, "user", user);
        putIf(m, "labels", labels.isEmpty() ? null : labels);
        putIf(m, "healthcheck", healthcheck == null ? null : healthcheck.toMap());
        putIf(m, "stop_timeout", stopTimeout);
        // absent when unset, so specs written before this option existed keep their hash
        putIf(m, "memory", memoryBytes);
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}

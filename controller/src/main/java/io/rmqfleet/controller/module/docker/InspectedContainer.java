package io.rmqfleet.controller.module.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.module.ModuleFailure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An existing container as {@code docker inspect} shows it, with what the module needs: id, state, labels, the
 * image id it runs, and the spec it was created with, reconstructed so a diff can show before/after. Values the
 * container inherited from its image (env, labels, command, health check) are left out of the reconstruction,
 * as they are not part of what a task asked for. Pure.
 */
record InspectedContainer(String id, String name, String imageId, boolean running, String status,
                          Map<String, String> labels, ContainerSpec actualSpec) {
    private static final ObjectMapper JSON = new ObjectMapper();

    boolean managed() {
        return "true".equals(labels.get(ContainerSpec.MANAGED_LABEL));
    }

    String specHash() {
        return labels.get(ContainerSpec.HASH_LABEL);
    }

    /**
     * @param containerJson      {@code docker container inspect NAME} output (an array of one)
     * @param containerImageJson {@code docker image inspect} of the container's image, or null when unknown
     */
    static InspectedContainer parse(String containerJson, String containerImageJson) {
        JsonNode c = first(read(containerJson));
        JsonNode image = containerImageJson == null ? null : first(read(containerImageJson));
        JsonNode config = c.path("Config");
        JsonNode host = c.path("HostConfig");
        JsonNode imageConfig = image == null ? null : image.path("Config");

        SortedMap<String, String> allLabels = stringMap(config.path("Labels"));
        SortedMap<String, String> ownLabels = new TreeMap<>(allLabels);
        ownLabels.remove(ContainerSpec.MANAGED_LABEL);
        ownLabels.remove(ContainerSpec.HASH_LABEL);
        if (imageConfig != null) {
            stringMap(imageConfig.path("Labels")).forEach((k, v) -> ownLabels.remove(k, v));
        }

        SortedMap<String, String> env = envMap(config.path("Env"));
        if (imageConfig != null) {
            envMap(imageConfig.path("Env")).forEach((k, v) -> env.remove(k, v));
        }

        List<String> command = strings(config.path("Cmd"));
        if (imageConfig != null && command.equals(strings(imageConfig.path("Cmd")))) {
            command = null;
        }

        String network = host.path("NetworkMode").asText("");
        JsonNode restart = host.path("RestartPolicy");
        String restartName = restart.path("Name").asText("");
        int retries = restart.path("MaximumRetryCount").asInt(0);
        String user = config.path("User").asText("");
        Healthcheck hc = healthcheck(config.path("Healthcheck"));
        if (hc != null && imageConfig != null && hc.equals(healthcheck(imageConfig.path("Healthcheck")))) {
            hc = null;
        }
        JsonNode stop = config.path("StopTimeout");

        String name = c.path("Name").asText("").replaceFirst("^/", "");
        ContainerSpec spec = new ContainerSpec(name, config.path("Image").asText(""), command, env,
                ports(host.path("PortBindings")), volumes(host.path("Binds")),
                network.isEmpty() || network.equals("default") ? null : network,
                restartName.isEmpty() ? "no" : restartName,
                restartName.equals("on-failure") && retries > 0 ? retries : null,
                user.isEmpty() ? null : user, ownLabels, hc, stop.isNumber() ? stop.asInt() : null,
                host.path("Memory").asLong(0) > 0 ? host.path("Memory").asLong() : null);
        JsonNode state = c.path("State");
        return new InspectedContainer(c.path("Id").asText(""), name, c.path("Image").asText(""),
                state.path("Running").asBoolean(false), state.path("Status").asText(""), allLabels, spec);
    }

    /** "9876/tcp": [{"HostIp": "", "HostPort": "9876"}] back to "9876:9876". */
    static List<String> ports(JsonNode bindings) {
        List<String> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = bindings.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String containerPort = e.getKey().endsWith("/tcp") ? e.getKey().substring(0, e.getKey().length() - 4) : e.getKey();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                out.add(containerPort);
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode b : e.getValue()) {
                String ip = b.path("HostIp").asText("");
                String hostPort = b.path("HostPort").asText("");
                String text = (ip.isEmpty() ? "" : ip + ":") + (hostPort.isEmpty() && ip.isEmpty() ? "" : hostPort + ":")
                        + containerPort;
                if (seen.add(text)) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static List<String> volumes(JsonNode binds) {
        List<String> out = new ArrayList<>();
        for (String b : strings(binds)) {
            out.add(b.endsWith(":rw") ? b.substring(0, b.length() - 3) : b);
        }
        return out;
    }

    private static Healthcheck healthcheck(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        List<String> test = strings(node.path("Test"));
        if (test.isEmpty()) {
            return null;
        }
        return new Healthcheck(test, nanos(node.path("Interval")), nanos(node.path("Timeout")),
                node.path("Retries").asInt(0) == 0 ? null : node.path("Retries").asInt(),
                nanos(node.path("StartPeriod")));
    }

    private static String nanos(JsonNode node) {
        long n = node.asLong(0);
        return n == 0 ? null : GoDuration.format(Duration.ofNanos(n));
    }

    private static SortedMap<String, String> envMap(JsonNode env) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String entry : strings(env)) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                out.put(entry.substring(0, eq), entry.substring(eq + 1));
            } else {
                out.put(entry, "");
            }
        }
        return out;
    }

    private static SortedMap<String, String> stringMap(JsonNode node) {
        SortedMap<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText("")));
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ModuleFailure("docker inspect printed something that is not JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode first(JsonNode node) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new ModuleFailure("docker inspect printed an empty list");
            }
            return node.get(0);
        }
        return node;
    }
}

package io.rmqfleet.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.common.report.ContainerLabels;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.Health;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the Docker Engine API's JSON ({@code GET /containers/json} and {@code GET /containers/{id}/json}) into
 * wire records. Lenient where Docker may surprise (unknown states, odd label values), because one odd container
 * must not make the whole report invalid.
 */
public final class DockerInspect {
    /** Docker's zero time: a container that never started. */
    private static final String NEVER = "0001-01-01T00:00:00Z";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_LABEL = 256;

    private DockerInspect() {
    }

    /** The ids in a {@code /containers/json} answer. */
    public static List<String> ids(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of containers from /containers/json");
        }
        List<String> ids = new ArrayList<>(list.size());
        for (JsonNode container : list) {
            String id = container.path("Id").asText("");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("container without a valid Id in /containers/json: " + id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** One {@code /containers/{id}/json} answer as a {@link ContainerStatus}. */
    public static ContainerStatus status(JsonNode inspect) {
        String id = inspect.path("Id").asText("");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("inspect answer without a valid Id: " + id);
        }
        JsonNode state = inspect.path("State");
        String name = inspect.path("Name").asText("");
        name = name.startsWith("/") ? name.substring(1) : name;
        String image = noSpaces(inspect.path("Config").path("Image").asText(""));
        String imageId = inspect.path("Image").asText("");
        JsonNode health = state.path("Health").path("Status");
        return new ContainerStatus(
                id,
                name.isEmpty() ? id.substring(0, 12) : name,
                image.isEmpty() ? imageId : image,
                imageId,
                state(state),
                inspect.path("RestartCount").asInt(0),
                startedAt(state.path("StartedAt").asText(NEVER)),
                state.path("ExitCode").asInt(0),
                label(inspect.path("Config").path("Labels").path(ContainerLabels.SPEC_HASH)),
                health.isTextual() ? Health.fromWire(health.asText()).orElse(Health.NONE) : Health.NONE);
    }

    /** {@code State.Status}; for a value newer than this code, fall back to the boolean flags. */
    static ContainerState state(JsonNode state) {
        return ContainerState.fromWire(state.path("Status").asText("")).orElseGet(() -> {
            if (state.path("Restarting").asBoolean()) {
                return ContainerState.RESTARTING;
            }
            if (state.path("Paused").asBoolean()) {
                return ContainerState.PAUSED;
            }
            if (state.path("Running").asBoolean()) {
                return ContainerState.RUNNING;
            }
            return state.path("Dead").asBoolean() ? ContainerState.DEAD : ContainerState.EXITED;
        });
    }

    static Instant startedAt(String text) {
        if (text.isEmpty() || NEVER.equals(text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A label value as the wire format allows it: no whitespace, at most 256 characters, null when empty. */
    static String label(JsonNode value) {
        if (!value.isTextual() || value.asText().isEmpty()) {
            return null;
        }
        String text = noSpaces(value.asText());
        return text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL) : text;
    }

    private static String noSpaces(String text) {
        return text.replaceAll("\\s", "_");
    }
}

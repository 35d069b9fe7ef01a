package io.rmqfleet.common.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A container's health check status as Docker reports it ({@code State.Health.Status}); {@code none} when the
 * container has no health check at all.
 */
public enum Health {
    NONE("none"),
    STARTING("starting"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy");

    public static final String WIRE_VALUES =
            Arrays.stream(values()).map(Health::wire).collect(Collectors.joining(","));

    private final String wire;

    Health(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<Health> fromWire(String value) {
        return Arrays.stream(values()).filter(h -> h.wire.equals(value)).findFirst();
    }
}

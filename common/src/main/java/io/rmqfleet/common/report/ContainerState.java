package io.rmqfleet.common.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A container's state exactly as the Docker Engine API names it ({@code State.Status}). */
public enum ContainerState {
    CREATED("created"),
    RUNNING("running"),
    PAUSED("paused"),
    RESTARTING("restarting"),
    REMOVING("removing"),
    EXITED("exited"),
    DEAD("dead");

    /** All wire values, comma-separated, for error messages: {@code created,running,...}. */
    public static final String WIRE_VALUES =
            Arrays.stream(values()).map(ContainerState::wire).collect(Collectors.joining(","));

    private final String wire;

    ContainerState(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<ContainerState> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}

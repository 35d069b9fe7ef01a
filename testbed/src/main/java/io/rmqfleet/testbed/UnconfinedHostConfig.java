package io.rmqfleet.testbed;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * {@code docker run --security-opt systempaths=unconfined}: the Docker CLI sends it as empty MaskedPaths and
 * ReadonlyPaths, fields docker-java's HostConfig lacks. The inner dockerd needs /proc and /sys unmasked.
 */
final class UnconfinedHostConfig extends HostConfig {
    private static final long serialVersionUID = 1L;

    @JsonProperty("MaskedPaths")
    private final List<String> maskedPaths = List.of();

    @JsonProperty("ReadonlyPaths")
    private final List<String> readonlyPaths = List.of();

    List<String> maskedPaths() {
        return maskedPaths;
    }

    List<String> readonlyPaths() {
        return readonlyPaths;
    }
}

package io.rmqfleet.common.report;

import java.util.Objects;

/**
 * A part of the report the agent could not collect. The matching section of the report is null, which means
 * "unknown", never "empty": a report whose Docker section failed says nothing about missing containers.
 *
 * @param source  one of {@code docker}, {@code disk}, {@code load}, {@code memory}, {@code ports}
 * @param message what went wrong, for people
 */
public record CollectorError(String source, String message) {
    public static final String DOCKER = "docker";
    public static final String DISK = "disk";
    public static final String LOAD = "load";
    public static final String MEMORY = "memory";
    public static final String PORTS = "ports";

    public CollectorError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }
}

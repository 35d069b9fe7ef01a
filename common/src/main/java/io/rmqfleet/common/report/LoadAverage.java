package io.rmqfleet.common.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The host's load average over 1, 5 and 15 minutes, as in {@code /proc/loadavg}. */
public record LoadAverage(
        @JsonProperty("avg_1m") double avg1m,
        @JsonProperty("avg_5m") double avg5m,
        @JsonProperty("avg_15m") double avg15m) {
}

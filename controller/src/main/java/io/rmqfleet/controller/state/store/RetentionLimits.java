package io.rmqfleet.controller.state.store;

import java.time.Duration;

/**
 * How much history the database keeps. Rows beyond the count or older than the age are pruned periodically.
 */
public record RetentionLimits(int maxEvents, Duration maxEventAge, int maxRuns, Duration maxRunAge,
                              int maxDriftChecks) {
    public static RetentionLimits defaults() {
        return new RetentionLimits(100_000, Duration.ofDays(30), 500, Duration.ofDays(90), 2_000);
    }
}

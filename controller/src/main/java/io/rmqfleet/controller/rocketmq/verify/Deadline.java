package io.rmqfleet.controller.rocketmq.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of the verify run: every remote call gets at most what is left, so a dead cluster fails in time. */
public final class Deadline {
    private final Clock clock;
    private final Instant end;

    public Deadline(Clock clock, Duration budget) {
        this.clock = clock;
        this.end = clock.instant().plus(budget);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** The timeout for one call: {@code max}, or less when the deadline is nearer (at least 1 ms). */
    public Duration cap(Duration max) {
        Duration left = remaining();
        Duration chosen = left.compareTo(max) < 0 ? left : max;
        return chosen.isZero() ? Duration.ofMillis(1) : chosen;
    }

    public Clock clock() {
        return clock;
    }
}

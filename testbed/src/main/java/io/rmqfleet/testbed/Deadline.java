package io.rmqfleet.testbed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A point in time on an injected clock, for poll-until-ready loops. */
record Deadline(Clock clock, Instant at) {

    static Deadline after(Clock clock, Duration timeout) {
        return new Deadline(clock, clock.instant().plus(timeout));
    }

    boolean expired() {
        return !clock.instant().isBefore(at);
    }

    Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Waits {@code interval}, or less when the deadline comes first. */
    void pause(Duration interval) throws InterruptedException {
        Duration wait = remaining().compareTo(interval) < 0 ? remaining() : interval;
        Thread.sleep(Math.max(1, wait.toMillis()));
    }
}

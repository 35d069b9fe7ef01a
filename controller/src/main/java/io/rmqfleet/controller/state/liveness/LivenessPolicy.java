package io.rmqfleet.controller.state.liveness;

import java.time.Duration;
import java.util.Objects;

/**
 * When silence turns into suspicion and then into "down".
 *
 * @param interval      the agents' report interval
 * @param grace         how long a suspect host may stay silent before it is down
 * @param failoverGrace after the controller starts, no host is demoted for this long: their silence may only
 *                      mean the controller itself was away (Nomad's "failover heartbeat TTL")
 */
public record LivenessPolicy(Duration interval, Duration grace, Duration failoverGrace) {
    public static final int MISSED_INTERVALS_FOR_SUSPECT = 2;

    public LivenessPolicy {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(failoverGrace, "failoverGrace");
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (grace.isNegative() || failoverGrace.isNegative()) {
            throw new IllegalArgumentException("grace and failover grace must not be negative");
        }
    }

    /** Silence longer than this makes a host suspect. */
    public Duration suspectAfter() {
        return interval.multipliedBy(MISSED_INTERVALS_FOR_SUSPECT);
    }

    /** Silence longer than this makes a host down. */
    public Duration downAfter() {
        return suspectAfter().plus(grace);
    }

    /** What a host silent for {@code silence} is, ignoring the failover grace. */
    public Liveness classify(Duration silence) {
        if (silence.compareTo(downAfter()) > 0) {
            return Liveness.DOWN;
        }
        if (silence.compareTo(suspectAfter()) > 0) {
            return Liveness.SUSPECT;
        }
        return Liveness.ALIVE;
    }
}

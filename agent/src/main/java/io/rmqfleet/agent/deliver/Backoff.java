package io.rmqfleet.agent.deliver;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th consecutive failure the agent waits between half and
 * all of {@code min(max, initial * 2^(n-1))}. The random half spreads hundreds of agents that lost the same
 * controller at the same moment; the fixed half keeps a retry from coming back immediately.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial backoff " + initial);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** The upper bound of the delay after {@code failures} consecutive failures (1 = the first failure). */
    public long ceilingMillis(int failures) {
        if (failures < 1) {
            return 0;
        }
        int doublings = Math.min(failures - 1, 62);
        long ceiling = initialMillis;
        for (int i = 0; i < doublings && ceiling < maxMillis; i++) {
            ceiling *= 2;
        }
        return Math.min(ceiling, maxMillis);
    }

    /** The delay before the next attempt after {@code failures} consecutive failures. */
    public long delayMillis(int failures) {
        long ceiling = ceilingMillis(failures);
        long half = ceiling / 2;
        return half + random.nextLong(ceiling - half + 1);
    }
}

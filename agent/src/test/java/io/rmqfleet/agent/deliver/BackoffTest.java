package io.rmqfleet.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    /** Always draws the smallest (0.0) or largest (1.0) value of the jitter range. */
    static RandomGenerator fixed(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public long nextLong(long bound) {
                return Math.round(fraction * (bound - 1));
            }
        };
    }

    private final Backoff lowest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), fixed(0));
    private final Backoff highest = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), fixed(1));

    @Test
    void ceilingDoublesPerFailureUpToTheCap() {
        assertThat(lowest.ceilingMillis(0)).isZero();
        assertThat(lowest.ceilingMillis(1)).isEqualTo(1_000);
        assertThat(lowest.ceilingMillis(2)).isEqualTo(2_000);
        assertThat(lowest.ceilingMillis(3)).isEqualTo(4_000);
        assertThat(lowest.ceilingMillis(5)).isEqualTo(16_000);
        assertThat(lowest.ceilingMillis(6)).isEqualTo(30_000);
        assertThat(lowest.ceilingMillis(1_000_000)).isEqualTo(30_000);
    }

    @Test
    void delayIsBetweenHalfAndAllOfTheCeiling() {
        assertThat(lowest.delayMillis(1)).isEqualTo(500);
        assertThat(highest.delayMillis(1)).isEqualTo(1_000);
        assertThat(lowest.delayMillis(4)).isEqualTo(4_000);
        assertThat(highest.delayMillis(4)).isEqualTo(8_000);
        assertThat(lowest.delayMillis(40)).isEqualTo(15_000);
        assertThat(highest.delayMillis(40)).isEqualTo(30_000);
    }

    @Test
    void jitterSpreadsAgentsThatFailedTogether() {
        Random seeded = new Random(42);
        Set<Long> delays = new HashSet<>();
        for (int agent = 0; agent < 100; agent++) {
            long delay = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), seeded).delayMillis(3);
            assertThat(delay).isBetween(2_000L, 4_000L);
            delays.add(delay);
        }
        assertThat(delays).hasSizeGreaterThan(80);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), fixed(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

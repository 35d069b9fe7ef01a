package io.rmqfleet.controller.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline (never a fixed sleep as the test's logic). */
public final class Poll {
    private Poll() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, Duration.ofMillis(25), what, condition);
    }

    /** As {@link #until(Duration, String, BooleanSupplier)}, for conditions too costly to ask every 25 ms. */
    public static void until(Duration timeout, Duration interval, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what);
        }
    }
}

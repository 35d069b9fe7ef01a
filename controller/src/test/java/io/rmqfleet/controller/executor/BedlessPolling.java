package io.rmqfleet.controller.executor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline (tests never sleep for a fixed time). */
final class BedlessPolling {
    private BedlessPolling() {
    }

    static void until(BooleanSupplier condition) {
        Instant deadline = Clock.systemUTC().instant().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Clock.systemUTC().instant().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import java.time.Duration;

/**
 * Shuts RocketMQ clients down without letting a dead cluster hold verify hostage: their shutdown unregisters
 * from every broker with network timeouts, so it runs on a daemon thread that gets a bounded grace period.
 */
final class Closer {

    private Closer() {
    }

    static void within(Duration grace, Runnable... closers) {
        Thread t = new Thread(() -> {
            for (Runnable c : closers) {
                try {
                    c.run();
                } catch (RuntimeException e) {
                    // Closing is best effort: the result of verify is already known.
                }
            }
        }, "rmqfleet-verify-close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.rmqfleet.controller.rocketmq.verify;

/**
 * Shuts RocketMQ clients down without making anyone wait: their shutdown unregisters from every broker with
 * network timeouts and lets Netty's event loops wind down for seconds, while the verify result is already known.
 * Runs on a daemon thread, so it never keeps the JVM alive either.
 */
final class Closer {

    private Closer() {
    }

    static void inBackground(Runnable... closers) {
        Thread t = new Thread(() -> {
            for (Runnable c : closers) {
                try {
                    c.run();
                } catch (RuntimeException e) {
                    // Closing is best effort.
                }
            }
        }, "rmqfleet-verify-close");
        t.setDaemon(true);
        t.start();
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import java.util.function.Supplier;

/**
 * Creates a RocketMQ client object, retrying briefly. Their constructors look up this machine's address by walking
 * the network interfaces; when an interface disappears during that walk (Docker creating and removing veths) the
 * lookup yields null and the constructor throws a NullPointerException. A moment later it works.
 */
final class ClientRetry {
    private static final int ATTEMPTS = 10;
    private static final long PAUSE_MILLIS = 100;

    private ClientRetry() {
    }

    static <T> T create(String what, Supplier<T> constructor) throws ProbeException {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return constructor.get();
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new ProbeException("cannot create the RocketMQ " + what + " (it could not determine this machine's"
            + " address): " + Reasons.describe(last), last);
    }
}

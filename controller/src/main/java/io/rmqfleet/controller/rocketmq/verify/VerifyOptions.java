package io.rmqfleet.controller.rocketmq.verify;

import java.time.Duration;

/**
 * How verify runs.
 *
 * @param messages    test messages to send through the cluster and consume back
 * @param timeout     the whole run ends by then: failing checks fail, they do not hang
 * @param callTimeout the longest a single remote call (admin request, TCP connect, send) may take
 * @param topic       the test topic created on every master when missing
 */
public record VerifyOptions(int messages, Duration timeout, Duration callTimeout, String topic) {
    public static final String DEFAULT_TOPIC = "rmqfleet_verify";
    public static final int DEFAULT_MESSAGES = 20;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
    /** Read and write queues of the test topic on each master. */
    public static final int TOPIC_QUEUES = 4;

    public VerifyOptions {
        if (messages < 1) {
            throw new IllegalArgumentException("messages must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(DEFAULT_MESSAGES, DEFAULT_TIMEOUT, DEFAULT_CALL_TIMEOUT, DEFAULT_TOPIC);
    }

    public VerifyOptions withMessages(int n) {
        return new VerifyOptions(n, timeout, callTimeout, topic);
    }

    public VerifyOptions withTimeout(Duration t) {
        return new VerifyOptions(messages, t, callTimeout, topic);
    }
}

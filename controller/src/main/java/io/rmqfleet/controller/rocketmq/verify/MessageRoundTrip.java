package io.rmqfleet.controller.rocketmq.verify;

/** Sends test messages to the masters and consumes them back; {@link RocketMqRoundTrip} does it for real. */
@FunctionalInterface
public interface MessageRoundTrip {

    /**
     * @param namesrvAddr all NameServers, ';'-separated
     * @param topic       the test topic (exists on every master)
     * @param messages    how many to send, spread over all queues of all masters
     * @param runId       unique per run: the messages' keys start with it, older messages are ignored
     * @param deadline    consuming stops then
     */
    RoundTrip run(String namesrvAddr, String topic, int messages, String runId, Deadline deadline);
}

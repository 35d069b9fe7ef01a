package io.rmqfleet.controller.rocketmq.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What happened to the test messages.
 *
 * @param requested     how many messages verify tried to send
 * @param sentPerBroker acknowledged sends per brokerName
 * @param sendErrors    one readable line per failed send (first few)
 * @param consumed      how many of the acknowledged messages came back to the consumer
 * @param missingKeys   keys of acknowledged messages not consumed by the deadline (first few)
 * @param setupError    why the producer/consumer could not even start, or null
 * @param elapsed       from the first send to the last message consumed (or the deadline)
 */
public record RoundTrip(int requested, Map<String, Integer> sentPerBroker, List<String> sendErrors, int consumed,
                        List<String> missingKeys, String setupError, Duration elapsed) {

    public RoundTrip {
        sentPerBroker = Map.copyOf(sentPerBroker);
        sendErrors = List.copyOf(sendErrors);
        missingKeys = List.copyOf(missingKeys);
    }

    public static RoundTrip setupFailed(int requested, String reason, Duration elapsed) {
        return new RoundTrip(requested, Map.of(), List.of(), 0, List.of(), reason, elapsed);
    }

    public int sent() {
        return sentPerBroker.values().stream().mapToInt(Integer::intValue).sum();
    }
}

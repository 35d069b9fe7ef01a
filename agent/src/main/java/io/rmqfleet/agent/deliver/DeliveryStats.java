package io.rmqfleet.agent.deliver;

/**
 * Counters of the delivery loop since the agent started.
 *
 * @param buffered            reports waiting now
 * @param delivered           reports the controller stored
 * @param rejected            reports the controller refused for good (4xx) and the agent dropped
 * @param dropped             reports dropped because the buffer was full
 * @param consecutiveFailures failed attempts since the last answer from the controller
 */
public record DeliveryStats(int buffered, long delivered, long rejected, long dropped, int consecutiveFailures) {
}

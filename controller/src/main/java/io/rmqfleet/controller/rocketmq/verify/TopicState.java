package io.rmqfleet.controller.rocketmq.verify;

/**
 * The test topic on one master.
 *
 * @param created     true when verify created it just now
 * @param readQueues  readQueueNums
 * @param writeQueues writeQueueNums
 */
public record TopicState(boolean created, int readQueues, int writeQueues) {
}

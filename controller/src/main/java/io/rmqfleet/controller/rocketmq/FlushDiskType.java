package io.rmqfleet.controller.rocketmq;

/** RocketMQ's {@code flushDiskType}. */
public enum FlushDiskType {
    ASYNC_FLUSH,
    SYNC_FLUSH
}

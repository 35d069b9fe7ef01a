package io.rmqfleet.controller.rocketmq;

/** RocketMQ's {@code brokerRole}: a master replicates asynchronously or synchronously to its slaves. */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE;

    public boolean isMaster() {
        return this != SLAVE;
    }
}

package io.rmqfleet.controller.console;

import java.util.Map;
import java.util.TreeMap;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;

/**
 * How far a consumer group is behind: per queue the broker's max offset minus the group's committed offset (never
 * negative: a committed offset can briefly run ahead of a slave's), summed per broker and in total ("diff total",
 * what {@code mqadmin consumerProgress} and the official dashboard show).
 *
 * @param group      the consumer group
 * @param diffTotal  messages not yet consumed, over all queues
 * @param perBroker  the same per brokerName
 * @param queues     how many queues the group has offsets for
 * @param consumeTps the group's consume TPS as the brokers report it
 */
public record ConsumerLag(String group, long diffTotal, Map<String, Long> perBroker, int queues, double consumeTps) {

    public ConsumerLag {
        perBroker = Map.copyOf(perBroker);
    }

    public static ConsumerLag of(String group, ConsumeStats stats) {
        long total = 0;
        Map<String, Long> perBroker = new TreeMap<>();
        Map<MessageQueue, OffsetWrapper> table = stats.getOffsetTable() == null ? Map.of() : stats.getOffsetTable();
        for (Map.Entry<MessageQueue, OffsetWrapper> e : table.entrySet()) {
            long diff = Math.max(0, e.getValue().getBrokerOffset() - e.getValue().getConsumerOffset());
            total += diff;
            perBroker.merge(e.getKey().getBrokerName(), diff, Long::sum);
        }
        return new ConsumerLag(group, total, perBroker, table.size(), stats.getConsumeTps());
    }
}

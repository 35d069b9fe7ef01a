package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.util.List;
import java.util.Set;

/**
 * The admin questions verify asks a RocketMQ cluster; {@link RocketMqClusterAdmin} asks them with rocketmq-tools'
 * DefaultMQAdminExt. Each call is bounded by the admin's call timeout; failures are {@link ProbeException}s with a
 * readable reason.
 */
public interface ClusterAdmin extends AutoCloseable {

    /** Every broker this NameServer lists (asked of that NameServer only). */
    List<Registration> registrations(NameServerNode nameServer) throws ProbeException;

    /** The brokerNames that carry queues of the topic according to this NameServer; empty when it has no route. */
    Set<String> routeBrokerNames(NameServerNode nameServer, String topic) throws ProbeException;

    /** The HA state of the broker at brokerAddr (ip:listenPort). */
    HaStatus haStatus(String brokerAddr) throws ProbeException;

    /** Creates the topic on the broker at brokerAddr when it is missing. */
    TopicState ensureTopic(String brokerAddr, String topic, int queues) throws ProbeException;

    @Override
    void close();
}

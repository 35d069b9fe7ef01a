package io.rmqfleet.controller.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * The live reads of the console. Every call blocks on the network (call it on a worker thread, never on the event
 * loop); failures are exceptions whose message says what failed.
 */
public interface ConsoleAdmin extends AutoCloseable {

    ClusterInfo clusterInfo() throws Exception;

    /** The broker's runtime stats table (what {@code mqadmin brokerStatus} prints). */
    Map<String, String> brokerRuntimeStats(String brokerAddr) throws Exception;

    Set<String> topics() throws Exception;

    /** The topic's route; empty when the NameServers know no such topic. */
    Optional<TopicRouteData> route(String topic) throws Exception;

    /** The subscription groups known to the broker at brokerAddr. */
    Set<String> consumerGroups(String brokerAddr) throws Exception;

    /** The group's offsets on every broker; empty when it has none (it never committed an offset). */
    Optional<ConsumeStats> consumeStats(String group) throws Exception;

    /** Messages of the topic whose keys contain key (RocketMQ's key index); empty when none. */
    List<MessageExt> messagesByKey(String topic, String key, int max) throws Exception;

    /** The message with this id (the producer's msgId or the offset msgId); empty when none. */
    Optional<MessageExt> messageById(String topic, String msgId) throws Exception;

    @Override
    void close();
}

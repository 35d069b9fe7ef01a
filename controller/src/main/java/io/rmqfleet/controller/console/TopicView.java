package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/** The data of the topic endpoints, shaped like the official dashboard's (topicList; TopicRouteData). */
final class TopicView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TopicView() {
    }

    /** {@code {"topicList":[...], "systemTopics":[...]}}: sorted; RocketMQ's own topics listed apart. */
    static ObjectNode list(Collection<String> topics) {
        ObjectNode data = JSON.objectNode();
        ArrayNode user = data.putArray("topicList");
        ArrayNode system = data.putArray("systemTopics");
        for (String topic : new TreeSet<>(topics)) {
            (isSystem(topic) ? system : user).add(topic);
        }
        return data;
    }

    static boolean isSystem(String topic) {
        return TopicValidator.isSystemTopic(topic) || topic.startsWith("%RETRY%") || topic.startsWith("%DLQ%")
            || topic.startsWith("rmq_sys_");
    }

    /** The route: which brokers carry the topic, with how many queues and which permissions. */
    static ObjectNode route(String topic, TopicRouteData route) {
        ObjectNode data = JSON.objectNode();
        data.put("topic", topic);
        ArrayNode brokers = data.putArray("brokerDatas");
        List<BrokerData> brokerDatas = route.getBrokerDatas() == null ? List.of() : route.getBrokerDatas();
        for (BrokerData b : brokerDatas.stream().sorted(Comparator.comparing(BrokerData::getBrokerName)).toList()) {
            ObjectNode node = brokers.addObject();
            node.put("cluster", b.getCluster());
            node.put("brokerName", b.getBrokerName());
            ObjectNode addrs = node.putObject("brokerAddrs");
            new TreeMap<>(b.getBrokerAddrs()).forEach((id, addr) -> addrs.put(Long.toString(id), addr));
        }
        ArrayNode queues = data.putArray("queueDatas");
        List<QueueData> queueDatas = route.getQueueDatas() == null ? List.of() : route.getQueueDatas();
        for (QueueData q : queueDatas.stream().sorted(Comparator.comparing(QueueData::getBrokerName)).toList()) {
            ObjectNode node = queues.addObject();
            node.put("brokerName", q.getBrokerName());
            node.put("readQueueNums", q.getReadQueueNums());
            node.put("writeQueueNums", q.getWriteQueueNums());
            node.put("perm", q.getPerm());
            node.put("permText", PermName.perm2String(q.getPerm()));
            node.put("topicSysFlag", q.getTopicSysFlag());
        }
        return data;
    }
}

package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Each console view as one blocking method: the admin calls it needs, shaped into the JSON data of its endpoint.
 * Runs on a worker thread. A view that cannot be had throws {@link ConsoleException} with the reason; a part that
 * fails (one broker's stats, one group's lag) is reported inside the view instead.
 */
final class ConsoleQueries {
    static final int MAX_MESSAGES = 64;
    private final ConsoleAdmin admin;

    ConsoleQueries(ConsoleAdmin admin) {
        this.admin = admin;
    }

    ObjectNode clusterList() {
        ClusterInfo info = call("cannot read the cluster from the NameServers", admin::clusterInfo);
        Map<String, BrokerRuntime> runtime = new HashMap<>();
        if (info.getBrokerAddrTable() != null) {
            for (BrokerData broker : info.getBrokerAddrTable().values()) {
                for (String addr : broker.getBrokerAddrs().values()) {
                    try {
                        runtime.put(addr, BrokerRuntime.of(admin.brokerRuntimeStats(addr)));
                    } catch (Exception e) {
                        runtime.put(addr, BrokerRuntime.failed("runtime stats: " + Failures.describe(e)));
                    }
                }
            }
        }
        return ClusterView.render(info, runtime);
    }

    ObjectNode topicList() {
        return TopicView.list(call("cannot list the topics", admin::topics));
    }

    ObjectNode topicRoute(String topic) {
        Optional<TopicRouteData> route = call("cannot read the route of topic " + topic, () -> admin.route(topic));
        return TopicView.route(topic, route.orElseThrow(() ->
            new ConsoleException("No route info of this topic: " + topic)));
    }

    /** Every subscription group on any master, with its lag (system groups listed, their lag not asked). */
    ArrayNode groupList() {
        ClusterInfo info = call("cannot read the cluster from the NameServers", admin::clusterInfo);
        TreeSet<String> groups = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        if (info.getBrokerAddrTable() != null) {
            for (BrokerData broker : info.getBrokerAddrTable().values()) {
                String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (master == null) {
                    continue;
                }
                try {
                    groups.addAll(admin.consumerGroups(master));
                } catch (Exception e) {
                    failures.add(broker.getBrokerName() + ": " + Failures.describe(e));
                }
            }
        }
        if (groups.isEmpty() && !failures.isEmpty()) {
            throw new ConsoleException("cannot list the consumer groups: " + String.join("; ", failures));
        }
        List<GroupView.Row> rows = new ArrayList<>();
        for (String group : groups) {
            rows.add(groupRow(group));
        }
        return GroupView.render(rows);
    }

    private GroupView.Row groupRow(String group) {
        if (MixAll.isSysConsumerGroup(group) || isBuiltInGroup(group)) {
            return new GroupView.Row(group, true, null, null);
        }
        try {
            Optional<ConsumeStats> stats = admin.consumeStats(group);
            return stats.map(s -> new GroupView.Row(group, false, ConsumerLag.of(group, s), null))
                .orElseGet(() -> new GroupView.Row(group, false, null, "no committed offsets (never consumed)"));
        } catch (Exception e) {
            return new GroupView.Row(group, false, null, Failures.describe(e));
        }
    }

    /** Groups every broker creates for itself (subscriptionGroup.json of a fresh broker). */
    static boolean isBuiltInGroup(String group) {
        return group.equals(MixAll.TOOLS_CONSUMER_GROUP) || group.equals(MixAll.FILTERSRV_CONSUMER_GROUP)
            || group.equals(MixAll.SELF_TEST_CONSUMER_GROUP) || group.equals(MixAll.ONS_HTTP_PROXY_GROUP)
            || group.equals(MixAll.CID_ONSAPI_PERMISSION_GROUP) || group.equals(MixAll.CID_ONSAPI_OWNER_GROUP)
            || group.equals(MixAll.CID_ONSAPI_PULL_GROUP) || group.startsWith(MixAll.CID_RMQ_SYS_PREFIX)
            || group.equals(MixAll.CID_SYS_RMQ_TRANS);
    }

    ArrayNode messagesByKey(String topic, String key) {
        List<MessageExt> found = call("cannot query topic " + topic + " by key",
            () -> admin.messagesByKey(topic, key, MAX_MESSAGES));
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        found.stream().sorted(java.util.Comparator.comparingLong(MessageExt::getStoreTimestamp))
            .forEach(m -> list.add(MessageView.render(m)));
        return list;
    }

    JsonNode messageById(String topic, String msgId) {
        Optional<MessageExt> found = call("cannot look up message " + msgId, () -> admin.messageById(topic, msgId));
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("messageView", MessageView.render(found.orElseThrow(() ->
            new ConsoleException("no message " + msgId + " in topic " + topic))));
        data.putArray("messageTrackList");
        return data;
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static <T> T call(String what, Call<T> call) {
        try {
            return call.get();
        } catch (ConsoleException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ConsoleException(what + ": " + Failures.describe(e), e);
        }
    }
}

package io.rmqfleet.controller.console;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * {@link ConsoleAdmin} on rocketmq-tools' DefaultMQAdminExt: one admin client for the console's whole life,
 * pointed at every NameServer (it fails over between them by itself).
 */
public final class RocketMqConsoleAdmin implements ConsoleAdmin {
    private final DefaultMQAdminExt admin;
    private final long timeoutMillis;

    private RocketMqConsoleAdmin(DefaultMQAdminExt admin, long timeoutMillis) {
        this.admin = admin;
        this.timeoutMillis = timeoutMillis;
    }

    /** Starts the admin client (no network yet: the first call connects). */
    public static RocketMqConsoleAdmin start(String namesrvAddr, Duration callTimeout) throws MQClientException {
        long timeout = callTimeout.toMillis();
        DefaultMQAdminExt admin = create(timeout);
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("rmqfleet-console-" + ProcessHandle.current().pid());
        // The fast ("VIP") channel is listenPort-2; the console talks to the main port like the official dashboard.
        admin.setVipChannelEnabled(false);
        admin.setMqClientApiTimeout((int) timeout);
        admin.start();
        return new RocketMqConsoleAdmin(admin, timeout);
    }

    /**
     * RocketMQ's client constructors walk the network interfaces for this machine's address and throw a
     * NullPointerException when an interface vanishes during the walk (Docker adding and removing veths): retry.
     */
    private static DefaultMQAdminExt create(long timeout) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return new DefaultMQAdminExt(timeout);
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw last;
    }

    @Override
    public ClusterInfo clusterInfo() throws Exception {
        return admin.examineBrokerClusterInfo();
    }

    @Override
    public Map<String, String> brokerRuntimeStats(String brokerAddr) throws Exception {
        return admin.fetchBrokerRuntimeStats(brokerAddr).getTable();
    }

    @Override
    public Set<String> topics() throws Exception {
        return admin.fetchAllTopicList().getTopicList();
    }

    @Override
    public Optional<TopicRouteData> route(String topic) throws Exception {
        try {
            return Optional.of(admin.examineTopicRouteInfo(topic));
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Set<String> consumerGroups(String brokerAddr) throws Exception {
        SubscriptionGroupWrapper wrapper = admin.getAllSubscriptionGroup(brokerAddr, timeoutMillis);
        return new LinkedHashSet<>(wrapper.getSubscriptionGroupTable().keySet());
    }

    @Override
    public Optional<ConsumeStats> consumeStats(String group) throws Exception {
        try {
            return Optional.of(admin.examineConsumeStats(group));
        } catch (MQClientException e) {
            // No route for the group's retry topic, or no broker has offsets: the group never consumed.
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST || e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE) {
                return Optional.empty();
            }
            throw e;
        } catch (MQBrokerException e) {
            if (e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE
                || e.getResponseCode() == ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<MessageExt> messagesByKey(String topic, String key, int max) throws Exception {
        try {
            QueryResult result = admin.queryMessage(topic, key, max, 0, Long.MAX_VALUE);
            return result.getMessageList();
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE || e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public Optional<MessageExt> messageById(String topic, String msgId) throws Exception {
        try {
            return Optional.ofNullable(admin.viewMessage(topic, msgId));
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE || e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Optional.empty();
            }
            throw e;
        } catch (MQBrokerException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}

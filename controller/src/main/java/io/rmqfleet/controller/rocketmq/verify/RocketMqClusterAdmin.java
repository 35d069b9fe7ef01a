package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.HARuntimeInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * {@link ClusterAdmin} on rocketmq-tools' DefaultMQAdminExt. A DefaultMQAdminExt asks whichever NameServer it
 * likes, so there is one per NameServer (each must be asked on its own), plus one for direct broker requests.
 */
public final class RocketMqClusterAdmin implements ClusterAdmin {
    private final Map<String, DefaultMQAdminExt> perNameServer = new LinkedHashMap<>();
    private final long timeoutMillis;
    private final String instancePrefix;
    private final String namesrvAddr;
    private final List<DefaultMQAdminExt> started = new ArrayList<>();
    private DefaultMQAdminExt brokers;

    public RocketMqClusterAdmin(ClusterLayout layout, Duration callTimeout, String runId) {
        this.timeoutMillis = callTimeout.toMillis();
        this.instancePrefix = "rmqfleet-verify-" + runId;
        this.namesrvAddr = layout.namesrvAddr();
    }

    /**
     * Starts every admin client now. Starting is CPU work only (no network), but in a fresh JVM on a busy machine it
     * takes seconds of class loading, which must not count against the first remote call's timeout.
     */
    public RocketMqClusterAdmin start(ClusterLayout layout) throws ProbeException {
        brokers();
        for (NameServerNode ns : layout.nameServers()) {
            forNameServer(ns);
        }
        return this;
    }

    private synchronized DefaultMQAdminExt brokers() throws ProbeException {
        if (brokers == null) {
            brokers = newAdmin(namesrvAddr, instancePrefix + "-brokers");
        }
        return started(brokers);
    }

    private DefaultMQAdminExt newAdmin(String namesrvAddr, String instanceName) throws ProbeException {
        DefaultMQAdminExt admin = ClientRetry.create("admin client", () -> new DefaultMQAdminExt(timeoutMillis));
        admin.setNamesrvAddr(namesrvAddr);
        // A distinct instance name gives each admin its own client instance (and NameServer list).
        admin.setInstanceName(instanceName);
        admin.setVipChannelEnabled(false);
        admin.setMqClientApiTimeout((int) timeoutMillis);
        return admin;
    }

    private synchronized DefaultMQAdminExt started(DefaultMQAdminExt admin) throws ProbeException {
        if (!started.contains(admin)) {
            try {
                admin.start();
            } catch (MQClientException e) {
                throw new ProbeException("cannot start the RocketMQ admin client: " + Reasons.describe(e), e);
            }
            started.add(admin);
        }
        return admin;
    }

    private synchronized DefaultMQAdminExt forNameServer(NameServerNode ns) throws ProbeException {
        DefaultMQAdminExt admin = perNameServer.get(ns.address());
        if (admin == null) {
            admin = newAdmin(ns.address(), instancePrefix + "-ns" + perNameServer.size());
            perNameServer.put(ns.address(), admin);
        }
        return started(admin);
    }

    @Override
    public List<Registration> registrations(NameServerNode nameServer) throws ProbeException {
        try {
            ClusterInfo info = forNameServer(nameServer).examineBrokerClusterInfo();
            List<Registration> result = new ArrayList<>();
            if (info == null || info.getBrokerAddrTable() == null) {
                return result;
            }
            for (BrokerData data : info.getBrokerAddrTable().values()) {
                data.getBrokerAddrs().forEach((id, addr) ->
                    result.add(new Registration(data.getCluster(), data.getBrokerName(), id, addr)));
            }
            return result;
        } catch (ProbeException e) {
            throw e;
        } catch (Exception e) {
            throw probe(e, nameServer.address());
        }
    }

    @Override
    public Set<String> routeBrokerNames(NameServerNode nameServer, String topic) throws ProbeException {
        try {
            TopicRouteData route = forNameServer(nameServer).examineTopicRouteInfo(topic);
            Set<String> names = new LinkedHashSet<>();
            for (QueueData q : route.getQueueDatas()) {
                if (q.getWriteQueueNums() > 0 && q.getReadQueueNums() > 0) {
                    names.add(q.getBrokerName());
                }
            }
            return names;
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
                return Set.of();
            }
            throw probe(e, nameServer.address());
        } catch (ProbeException e) {
            throw e;
        } catch (Exception e) {
            throw probe(e, nameServer.address());
        }
    }

    @Override
    public HaStatus haStatus(String brokerAddr) throws ProbeException {
        try {
            HARuntimeInfo info = brokers().getBrokerHAStatus(brokerAddr);
            List<HaStatus.HaConnection> connections = new ArrayList<>();
            if (info.getHaConnectionInfo() != null) {
                for (HARuntimeInfo.HAConnectionRuntimeInfo c : info.getHaConnectionInfo()) {
                    connections.add(new HaStatus.HaConnection(c.getAddr(), c.getDiff(), c.isInSync()));
                }
            }
            String masterAddr = info.getHaClientRuntimeInfo() == null ? "" : info.getHaClientRuntimeInfo().getMasterAddr();
            return new HaStatus(info.isMaster(), connections, masterAddr);
        } catch (ProbeException e) {
            throw e;
        } catch (Exception e) {
            throw probe(e, brokerAddr);
        }
    }

    @Override
    public TopicState ensureTopic(String brokerAddr, String topic, int queues) throws ProbeException {
        DefaultMQAdminExt admin = brokers();
        try {
            TopicConfig existing = admin.examineTopicConfig(brokerAddr, topic);
            if (existing != null) {
                return new TopicState(false, existing.getReadQueueNums(), existing.getWriteQueueNums());
            }
        } catch (MQBrokerException e) {
            if (e.getResponseCode() != ResponseCode.TOPIC_NOT_EXIST) {
                throw probe(e, brokerAddr);
            }
        } catch (Exception e) {
            throw probe(e, brokerAddr);
        }
        try {
            admin.createAndUpdateTopicConfig(brokerAddr,
                new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE));
            return new TopicState(true, queues, queues);
        } catch (Exception e) {
            throw probe(e, brokerAddr);
        }
    }

    private static ProbeException probe(Exception e, String address) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new ProbeException(Reasons.describe(e, address), e);
    }

    @Override
    public void close() {
        List<DefaultMQAdminExt> toStop;
        synchronized (this) {
            toStop = new ArrayList<>(started);
            started.clear();
        }
        toStop.forEach(DefaultMQAdminExt::shutdown);
    }
}

package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;

/**
 * The data of {@code GET /cluster/list.query}, shaped like the official rocketmq-dashboard's ClusterServiceImpl:
 * {@code clusterInfo} (the NameServer's ClusterInfo: brokerAddrTable, clusterAddrTable) and {@code brokerServer}
 * (brokerName → brokerId → runtime stats table), so tools written for the official dashboard read it unchanged.
 * It adds {@code brokers}: one flat row per broker with role and TPS, which the console page draws.
 */
final class ClusterView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClusterView() {
    }

    static ObjectNode render(ClusterInfo info, Map<String, BrokerRuntime> runtimeByAddr) {
        Map<String, BrokerData> brokers = new TreeMap<>(info == null || info.getBrokerAddrTable() == null
            ? Map.of() : info.getBrokerAddrTable());
        ObjectNode data = JSON.objectNode();
        ObjectNode clusterInfo = data.putObject("clusterInfo");
        ObjectNode addrTable = clusterInfo.putObject("brokerAddrTable");
        ObjectNode brokerServer = JSON.objectNode();
        ArrayNode rows = JSON.arrayNode();
        for (BrokerData broker : brokers.values()) {
            ObjectNode b = addrTable.putObject(broker.getBrokerName());
            b.put("cluster", broker.getCluster());
            b.put("brokerName", broker.getBrokerName());
            ObjectNode addrs = b.putObject("brokerAddrs");
            b.put("enableActingMaster", broker.isEnableActingMaster());
            ObjectNode byId = brokerServer.putObject(broker.getBrokerName());
            for (Map.Entry<Long, String> e : new TreeMap<>(broker.getBrokerAddrs()).entrySet()) {
                addrs.put(Long.toString(e.getKey()), e.getValue());
                BrokerRuntime runtime = runtimeByAddr.getOrDefault(e.getValue(), BrokerRuntime.failed("not asked"));
                ObjectNode table = byId.putObject(Long.toString(e.getKey()));
                new TreeMap<>(runtime.stats()).forEach(table::put);
                rows.add(row(broker, e.getKey(), e.getValue(), runtime));
            }
        }
        ObjectNode clusterAddr = clusterInfo.putObject("clusterAddrTable");
        Map<String, Set<String>> clusters = new TreeMap<>();
        if (info != null && info.getClusterAddrTable() != null) {
            info.getClusterAddrTable().forEach((k, v) -> clusters.put(k, new TreeSet<>(v)));
        }
        clusters.forEach((cluster, names) -> names.forEach(clusterAddr.putArray(cluster)::add));
        data.set("brokerServer", brokerServer);
        data.set("brokers", rows);
        return data;
    }

    private static ObjectNode row(BrokerData broker, long id, String address, BrokerRuntime runtime) {
        ObjectNode row = JSON.objectNode();
        row.put("cluster", broker.getCluster());
        row.put("brokerName", broker.getBrokerName());
        row.put("brokerId", id);
        row.put("address", address);
        // RocketMQ's own rule (MixAll.MASTER_ID): id 0 is the master, every other id a slave.
        row.put("role", id == 0 ? "MASTER" : "SLAVE");
        row.put("version", runtime.stats().get(BrokerStats.VERSION));
        putNumber(row, "putTps", BrokerStats.tps(runtime.stats(), BrokerStats.PUT_TPS));
        putNumber(row, "getTps", BrokerStats.tps(runtime.stats(), BrokerStats.GET_TPS));
        if (runtime.error() != null) {
            row.put("error", runtime.error());
        }
        return row;
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}

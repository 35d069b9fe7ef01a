package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.admin.OffsetWrapper;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;

/** The JSON shaping of every view, from RocketMQ's own objects, without a network. */
class ConsoleViewsTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static BrokerData broker(String cluster, String name, Map<Long, String> addrs) {
        return new BrokerData(cluster, name, new HashMap<>(addrs));
    }

    static ClusterInfo twoBrokers() {
        ClusterInfo info = new ClusterInfo();
        info.setBrokerAddrTable(new HashMap<>(Map.of(
            "broker-a", broker("Prod", "broker-a", Map.of(0L, "10.213.1.11:10911", 1L, "10.213.1.12:11911")),
            "broker-b", broker("Prod", "broker-b", Map.of(0L, "10.213.1.12:10911")))));
        info.setClusterAddrTable(new HashMap<>(Map.of("Prod", Set.of("broker-b", "broker-a"))));
        return info;
    }

    @Test
    void clusterListHasTheOfficialDashboardShapePlusOneRowPerBroker() throws Exception {
        Map<String, BrokerRuntime> runtime = Map.of(
            "10.213.1.11:10911", BrokerRuntime.of(Map.of("putTps", "12.50 10.00 9.00", "getTransferredTps", "3.00 2.00 1.00",
                "brokerVersionDesc", "V5_3_3")),
            "10.213.1.12:11911", BrokerRuntime.of(Map.of("putTps", "", "brokerVersionDesc", "V5_3_3")),
            "10.213.1.12:10911", BrokerRuntime.failed("runtime stats: connect to 10.213.1.12:10911 failed"));

        ObjectNode data = ClusterView.render(twoBrokers(), runtime);

        JsonNode expected = MAPPER.readTree("""
            {"clusterInfo":{
               "brokerAddrTable":{
                 "broker-a":{"cluster":"Prod","brokerName":"broker-a","brokerAddrs":{"0":"10.213.1.11:10911","1":"10.213.1.12:11911"},"enableActingMaster":false},
                 "broker-b":{"cluster":"Prod","brokerName":"broker-b","brokerAddrs":{"0":"10.213.1.12:10911"},"enableActingMaster":false}},
               "clusterAddrTable":{"Prod":["broker-a","broker-b"]}},
             "brokerServer":{
               "broker-a":{"0":{"brokerVersionDesc":"V5_3_3","getTransferredTps":"3.00 2.00 1.00","putTps":"12.50 10.00 9.00"},
                           "1":{"brokerVersionDesc":"V5_3_3","putTps":""}},
               "broker-b":{"0":{}}},
             "brokers":[
               {"cluster":"Prod","brokerName":"broker-a","brokerId":0,"address":"10.213.1.11:10911","role":"MASTER","version":"V5_3_3","putTps":12.5,"getTps":3.0},
               {"cluster":"Prod","brokerName":"broker-a","brokerId":1,"address":"10.213.1.12:11911","role":"SLAVE","version":"V5_3_3","putTps":null,"getTps":null},
               {"cluster":"Prod","brokerName":"broker-b","brokerId":0,"address":"10.213.1.12:10911","role":"MASTER","version":null,"putTps":null,"getTps":null,
                "error":"runtime stats: connect to 10.213.1.12:10911 failed"}]}
            """);
        // Re-read: the shaped tree holds longs where parsed JSON holds ints.
        assertThat(MAPPER.readTree(data.toString())).isEqualTo(expected);
    }

    @Test
    void anEmptyClusterIsAnEmptyView() {
        ObjectNode data = ClusterView.render(new ClusterInfo(), Map.of());
        assertThat(data.path("clusterInfo").path("brokerAddrTable").size()).isZero();
        assertThat(data.path("brokers").size()).isZero();
    }

    @Test
    void tpsIsTheFirstWindowOfTheEntry() {
        assertThat(BrokerStats.tps(Map.of("putTps", " 7.25 1.00 0.50"), "putTps")).isEqualTo(7.25);
        assertThat(BrokerStats.tps(Map.of("putTps", "n/a"), "putTps")).isNull();
        assertThat(BrokerStats.tps(Map.of(), "putTps")).isNull();
        assertThat(BrokerStats.tps(null, "putTps")).isNull();
    }

    static MessageQueue queue(String broker, int id) {
        return new MessageQueue("orders", broker, id);
    }

    static OffsetWrapper offsets(long broker, long consumer) {
        OffsetWrapper w = new OffsetWrapper();
        w.setBrokerOffset(broker);
        w.setConsumerOffset(consumer);
        return w;
    }

    @Test
    void lagIsBrokerOffsetMinusConsumerOffsetSummedPerBrokerAndInTotal() {
        ConsumeStats stats = new ConsumeStats();
        stats.setConsumeTps(4.5);
        stats.setOffsetTable(new HashMap<>(Map.of(
            queue("broker-a", 0), offsets(100, 90),
            queue("broker-a", 1), offsets(50, 50),
            queue("broker-b", 0), offsets(30, 10),
            // A slave's offset can lag behind the committed one for a moment: never negative lag.
            queue("broker-b", 1), offsets(5, 7))));

        ConsumerLag lag = ConsumerLag.of("orders-group", stats);

        assertThat(lag.diffTotal()).isEqualTo(30);
        assertThat(lag.perBroker()).containsExactlyInAnyOrderEntriesOf(Map.of("broker-a", 10L, "broker-b", 20L));
        assertThat(lag.queues()).isEqualTo(4);
        assertThat(lag.consumeTps()).isEqualTo(4.5);
        assertThat(lag.diffTotal()).isEqualTo(stats.computeTotalDiff() + 2);
    }

    @Test
    void groupRowsCarryLagOrTheReasonThereIsNone() throws Exception {
        ConsumeStats stats = new ConsumeStats();
        stats.setOffsetTable(new HashMap<>(Map.of(queue("broker-a", 0), offsets(12, 2))));
        JsonNode rows = GroupView.render(List.of(
            new GroupView.Row("g1", false, ConsumerLag.of("g1", stats), null),
            new GroupView.Row("g2", false, null, "no committed offsets (never consumed)"),
            new GroupView.Row("TOOLS_CONSUMER", true, null, null)));
        assertThat(MAPPER.readTree(rows.toString())).isEqualTo(MAPPER.readTree("""
            [{"group":"g1","system":false,"diffTotal":10,"consumeTps":0.0,"queues":1,"diffPerBroker":{"broker-a":10}},
             {"group":"g2","system":false,"diffTotal":null,"error":"no committed offsets (never consumed)"},
             {"group":"TOOLS_CONSUMER","system":true,"diffTotal":null}]
            """));
    }

    @Test
    void builtInGroupsAreRecognised() {
        assertThat(ConsoleQueries.isBuiltInGroup("TOOLS_CONSUMER")).isTrue();
        assertThat(ConsoleQueries.isBuiltInGroup("CID_RMQ_SYS_TRANS")).isTrue();
        assertThat(ConsoleQueries.isBuiltInGroup("orders-group")).isFalse();
    }

    @Test
    void topicListPutsRocketMqsOwnTopicsApart() throws Exception {
        JsonNode data = TopicView.list(Set.of("orders", "TBW102", "%RETRY%g1", "audit", "RMQ_SYS_TRANS_HALF_TOPIC",
            "SCHEDULE_TOPIC_XXXX", "rmq_sys_wheel_timer"));
        assertThat(data.path("topicList")).isEqualTo(MAPPER.readTree("[\"audit\",\"orders\"]"));
        assertThat(data.path("systemTopics")).hasSize(5);
    }

    @Test
    void topicRouteListsQueuesPerBrokerWithAddresses() throws Exception {
        TopicRouteData route = new TopicRouteData();
        QueueData qa = new QueueData();
        qa.setBrokerName("broker-a");
        qa.setReadQueueNums(4);
        qa.setWriteQueueNums(4);
        qa.setPerm(6);
        route.setQueueDatas(List.of(qa));
        route.setBrokerDatas(List.of(broker("Prod", "broker-a", Map.of(0L, "10.213.1.11:10911"))));
        assertThat(MAPPER.readTree(TopicView.route("orders", route).toString())).isEqualTo(MAPPER.readTree("""
            {"topic":"orders",
             "brokerDatas":[{"cluster":"Prod","brokerName":"broker-a","brokerAddrs":{"0":"10.213.1.11:10911"}}],
             "queueDatas":[{"brokerName":"broker-a","readQueueNums":4,"writeQueueNums":4,"perm":6,"permText":"RW-","topicSysFlag":0}]}
            """));
    }

    static MessageExt message(byte[] body) {
        MessageExt m = new MessageExt();
        m.setTopic("orders");
        m.setTags("paid");
        m.setKeys("order-17");
        m.setQueueId(2);
        m.setQueueOffset(40);
        m.setBody(body);
        m.setMsgId("0AD5010B00002A9F0000000000000ABC");
        MessageAccessor.putProperty(m, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "7F0000010001AB");
        m.setStoreHost(new InetSocketAddress("10.213.1.11", 10911));
        m.setBornHost(new InetSocketAddress("10.213.1.50", 40000));
        m.setStoreTimestamp(1_700_000_000_000L);
        return m;
    }

    @Test
    void messageViewShowsTheProducersIdTheOffsetIdAndATextBody() {
        JsonNode view = MessageView.render(message("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(view.path("msgId").asText()).isEqualTo("7F0000010001AB");
        assertThat(view.path("offsetMsgId").asText()).isEqualTo("0AD5010B00002A9F0000000000000ABC");
        assertThat(view.path("keys").asText()).isEqualTo("order-17");
        assertThat(view.path("storeHost").asText()).isEqualTo("10.213.1.11:10911");
        assertThat(view.path("messageBody").asText()).isEqualTo("hello");
        assertThat(view.path("bodyEncoding").asText()).isEqualTo("utf-8");
        assertThat(view.path("bodyTruncated").asBoolean()).isFalse();
    }

    @Test
    void binaryBodiesAreBase64AndLongOnesCut() {
        JsonNode binary = MessageView.render(message(new byte[] {(byte) 0xff, 0, 1}));
        assertThat(binary.path("bodyEncoding").asText()).isEqualTo("base64");
        assertThat(binary.path("messageBody").asText()).isEqualTo("/wAB");
        JsonNode big = MessageView.render(message("x".repeat(10_000).getBytes(StandardCharsets.UTF_8)));
        assertThat(big.path("bodySize").asInt()).isEqualTo(10_000);
        assertThat(big.path("messageBody").asText()).hasSize(MessageView.MAX_BODY);
        assertThat(big.path("bodyTruncated").asBoolean()).isTrue();
        // 2-byte characters: the cut at 4096 bytes falls inside none, at 4095 + 1 it would split one.
        JsonNode accented = MessageView.render(message(("x" + "é".repeat(3000)).getBytes(StandardCharsets.UTF_8)));
        assertThat(accented.path("bodyEncoding").asText()).isEqualTo("utf-8");
        assertThat(accented.path("messageBody").asText()).startsWith("xéé").hasSize(1 + 2047);
    }

    @Test
    void repliesUseTheOfficialEnvelope() throws Exception {
        assertThat(Replies.ok(MAPPER.readTree("[1]"))).isEqualTo(MAPPER.readTree("{\"status\":0,\"data\":[1],\"errMsg\":null}"));
        assertThat(Replies.error("boom")).isEqualTo(MAPPER.readTree("{\"status\":-1,\"data\":null,\"errMsg\":\"boom\"}"));
    }

    @Test
    void failuresDropRocketMqsFaqLink() {
        Exception e = new RuntimeException("CODE: 17  DESC: No topic route info in name server for the topic: x\n"
            + "See https://rocketmq.apache.org/docs/bestPractice/06FAQ for further details.");
        assertThat(Failures.describe(e)).isEqualTo("CODE: 17 DESC: No topic route info in name server for the topic: x");
        assertThat(Failures.describe(new RuntimeException(new java.io.IOException("reset")))).contains("reset");
    }
}

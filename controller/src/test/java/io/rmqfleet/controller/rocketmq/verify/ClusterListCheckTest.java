package io.rmqfleet.controller.rocketmq.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.BrokerRole;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.FlushDiskType;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure judgement of a dashboard's GET /cluster/list.query answer. */
class ClusterListCheckTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static BrokerNode broker(String name, long id, String ip, int port) {
        return new BrokerNode(name + "-" + id, ip, "Prod", name, id, id == 0 ? BrokerRole.ASYNC_MASTER : BrokerRole.SLAVE,
            FlushDiskType.ASYNC_FLUSH, port, ip, ip, List.of(ip));
    }

    static final List<BrokerNode> BROKERS = List.of(broker("broker-a", 0, "10.213.1.11", 10911),
        broker("broker-a", 1, "10.213.1.12", 11911), broker("broker-b", 0, "10.213.1.12", 10911));
    static final ClusterLayout LAYOUT = ClusterLayout.of(List.of(new NameServerNode("ns", "10.213.1.11", 9876)),
        BROKERS, List.of());

    static final String ALL_LISTED = """
        {"status":0,"data":{"clusterInfo":{"brokerAddrTable":{
          "broker-a":{"cluster":"Prod","brokerName":"broker-a","brokerAddrs":{"0":"10.213.1.11:10911","1":"10.213.1.12:11911"}},
          "broker-b":{"cluster":"Prod","brokerName":"broker-b","brokerAddrs":{"0":"10.213.1.12:10911"}}},
          "clusterAddrTable":{"Prod":["broker-a","broker-b"]}},"brokerServer":{}},"errMsg":null}
        """;

    static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void passesWhenEveryBrokerIsListedAtItsAddress() throws Exception {
        assertThat(ClusterListCheck.problems(json(ALL_LISTED), BROKERS)).isEmpty();
        ConsoleClusterProbe.Verdict verdict = ConsoleClusterProbe.judge(200, ALL_LISTED, LAYOUT, false, null);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.detail()).isEqualTo("lists all 3 broker(s) at their addresses");
    }

    @Test
    void namesEveryMissingOrMisplacedBroker() throws Exception {
        String answer = ALL_LISTED.replace("\"1\":\"10.213.1.12:11911\"", "\"1\":\"172.17.0.2:11911\"")
            .replace("\"broker-b\":{\"cluster\":\"Prod\",\"brokerName\":\"broker-b\",\"brokerAddrs\":{\"0\":\"10.213.1.12:10911\"}}",
                "\"broker-b\":{\"cluster\":\"Prod\",\"brokerName\":\"broker-b\",\"brokerAddrs\":{}}");
        assertThat(ClusterListCheck.problems(json(answer), BROKERS)).containsExactly(
            "broker-a/1 is listed at 172.17.0.2:11911, expected 10.213.1.12:11911",
            "broker-b/0 is not listed");
        ConsoleClusterProbe.Verdict verdict = ConsoleClusterProbe.judge(200, answer, LAYOUT, false, null);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).isEqualTo("broker-a/1 is listed at 172.17.0.2:11911, expected 10.213.1.12:11911; "
            + "broker-b/0 is not listed");
    }

    @Test
    void reportsTheDashboardsOwnErrorAndShapesItDoesNotKnow() throws Exception {
        assertThat(ClusterListCheck.problems(json("{\"status\":-1,\"data\":null,\"errMsg\":\"connect to null failed\"}"), BROKERS))
            .containsExactly("the dashboard reports status -1: connect to null failed");
        assertThat(ClusterListCheck.problems(json("{\"status\":0,\"data\":{}}"), BROKERS))
            .containsExactly("no data.clusterInfo.brokerAddrTable in the answer");
        assertThat(ClusterListCheck.problems(json("[]"), BROKERS)).containsExactly("the answer is not a JSON object");
        assertThat(ConsoleClusterProbe.judge(200, "<html>", LAYOUT, false, null).detail())
            .isEqualTo("the cluster API answered no JSON (is this a RocketMQ dashboard?)");
        assertThat(ConsoleClusterProbe.judge(500, "", LAYOUT, false, null).detail()).isEqualTo("HTTP 500 from the cluster API");
    }

    @Test
    void aLoginRedirectSaysWhatToDo() {
        assertThat(ConsoleClusterProbe.judge(302, "", LAYOUT, false, null).detail()).isEqualTo(
            "the dashboard requires a login (HTTP 302): set dashboard_username and dashboard_password in the inventory");
        assertThat(ConsoleClusterProbe.judge(302, "", LAYOUT, true, "login as ops rejected: Bad username or password!")
            .detail()).isEqualTo("the dashboard requires a login (HTTP 302): login as ops rejected: Bad username or password!");
        assertThat(ConsoleClusterProbe.judge(401, "", LAYOUT, true, null).detail())
            .endsWith("the session was not accepted");
    }
}

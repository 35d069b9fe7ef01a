package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.Health;
import io.rmqfleet.controller.testing.TestReports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift and topology through the API, from an inventory and agent reports. */
class DriftAndTopologyApiTest {
    static final String INVENTORY = """
            [namesrv]
            ns1 ansible_host=10.213.0.11

            [broker]
            b1 ansible_host=10.213.0.12 broker_name=broker-a broker_id=0 broker_role=SYNC_MASTER
            b2 ansible_host=10.213.0.13 broker_name=broker-a broker_id=1 listen_port=10921
            """;

    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() {
        fx = new ServerFixture(dir).agents("ns1", "b1", "b2").inventory(INVENTORY).configure("drift: {interval: 1h}\n")
                .start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aMissingBrokerContainerIsDriftAndTheTopologyShowsItDown() {
        fx.postReport(TestReports.report("ns1", 1, ServerFixture.T0, "rmqnamesrv", "rmqfleet-agent"));
        fx.postReport(TestReports.report("b1", 1, ServerFixture.T0, "rmqfleet-agent"));
        fx.postReport(TestReports.report("b2", 1, ServerFixture.T0,
                List.of(TestReports.container("rmqbroker-broker-a-1", ContainerState.RUNNING),
                        TestReports.container("rmqfleet-agent", ContainerState.RUNNING)),
                TestReports.ports(10921, 10919, 10922)));

        assertThat(fx.get("/api/v1/drift").statusCode()).isEqualTo(404);
        HttpResponse<String> started = fx.post("/api/v1/drift/checks", "application/json", "");
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode check = ServerFixture.json(started);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/drift/checks/" + check.get("id").asLong());
        assertThat(findings(check)).containsExactly("b1/rmqbroker-broker-a-0/missing");

        JsonNode latest = fx.getJson("/api/v1/drift");
        assertThat(latest.get("id").asLong()).isEqualTo(check.get("id").asLong());
        assertThat(latest.get("clean").asBoolean()).isFalse();
        assertThat(latest.at("/counts/missing").asInt()).isEqualTo(1);
        assertThat(fx.getJson("/api/v1/drift?host=ns1").get("findings").size()).isZero();
        assertThat(fx.getJson("/api/v1/events?kind=drift_detected").get("total").asInt()).isEqualTo(1);

        JsonNode topology = fx.getJson("/api/v1/clusters");
        assertThat(topology.get("namesrv_addr").asText()).isEqualTo("10.213.0.11:9876");
        assertThat(topology.at("/name_servers/0/status").asText()).isEqualTo("up");
        JsonNode group = topology.at("/clusters/0/broker_groups/0");
        assertThat(group.get("broker_name").asText()).isEqualTo("broker-a");
        assertThat(group.at("/master/endpoint").asText()).isEqualTo("10.213.0.12:10911");
        assertThat(group.at("/master/role").asText()).isEqualTo("SYNC_MASTER");
        assertThat(group.at("/master/status").asText()).isEqualTo("down");
        assertThat(group.at("/slaves/0/endpoint").asText()).isEqualTo("10.213.0.13:10921");
        assertThat(group.at("/slaves/0/status").asText()).isEqualTo("up");
        assertThat(group.at("/slaves/0/ports_open/10921").asBoolean()).isTrue();

        // The broker comes back: the next check is clean and the drift is recorded as resolved.
        fx.postReport(TestReports.report("b1", 2, ServerFixture.T0, "rmqbroker-broker-a-0", "rmqfleet-agent"));
        JsonNode clean = ServerFixture.json(fx.post("/api/v1/drift/checks", "application/json", ""));
        assertThat(clean.get("clean").asBoolean()).isTrue();
        assertThat(fx.getJson("/api/v1/events?kind=drift_resolved").get("total").asInt()).isEqualTo(1);
        assertThat(fx.getJson("/api/v1/drift/checks/" + check.get("id").asLong()).get("findings").size()).isEqualTo(1);
    }

    @Test
    void specHashOfTheLastRunIsComparedWithTheAgentsLabel() throws Exception {
        String run = LivenessAndRestartTest.runEvents("run-1").replace("\"h2\"", "\"b2\"")
                .replace("rmqbroker-b-0", "rmqbroker-broker-a-1");
        assertThat(fx.post("/api/v1/runs", "application/x-ndjson", run).statusCode()).isEqualTo(201);
        fx.postReport(TestReports.report("b2", 1, ServerFixture.T0,
                List.of(TestReports.container("rmqbroker-broker-a-1", ContainerState.RUNNING, Health.HEALTHY,
                        "other-hash"), TestReports.container("rmqfleet-agent", ContainerState.RUNNING)),
                List.of()));

        JsonNode check = ServerFixture.json(fx.post("/api/v1/drift/checks", "application/json", ""));

        assertThat(findings(check)).contains("b2/rmqbroker-broker-a-1/spec_hash_differs");
        JsonNode host = fx.getJson("/api/v1/hosts/b2");
        assertThat(host.at("/expected_containers/0/spec_hash").asText()).isEqualTo("abc123");
        assertThat(host.get("drift").size()).isEqualTo(1);
    }

    @Test
    void hostListIsPagedAndFilteredAndBadPagingIsAProblem() {
        fx.postReport(TestReports.report("b1", 1, ServerFixture.T0));
        JsonNode page = fx.getJson("/api/v1/hosts?limit=2&offset=1");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.at("/items/0/name").asText()).isEqualTo("b2");
        assertThat(fx.getJson("/api/v1/hosts?liveness=alive").at("/items/0/name").asText()).isEqualTo("b1");
        HttpResponse<String> bad = fx.get("/api/v1/hosts?limit=0");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(bad).get("detail").asText()).isEqualTo("limit: expected an integer from 1 to 1000, got '0'");
        assertThat(fx.get("/api/v1/nothing").statusCode()).isEqualTo(404);
        assertThat(fx.get("/api/v1/nothing").headers().firstValue("Content-Type")).hasValue(ProblemHandler.CONTENT_TYPE);
        assertThat(fx.getWithoutToken("/api/v1/hosts").statusCode()).isEqualTo(401);
    }

    static List<String> findings(JsonNode check) {
        List<String> out = new ArrayList<>();
        check.get("findings").forEach(f -> out.add(f.get("host").asText() + "/" + f.get("container").asText() + "/"
                + f.get("kind").asText()));
        return out;
    }
}

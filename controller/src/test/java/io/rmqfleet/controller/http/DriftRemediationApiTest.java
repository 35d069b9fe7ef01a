package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.testing.Poll;
import io.rmqfleet.controller.testing.TestReports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remediation through the API with a recording runner in place of the playbook: only hosts with fixable drift
 * are re-applied, on the remediation worker pool, one at a time per host, then not again within the cooldown;
 * each re-apply is a stored run plus remediation events. {@code drift.fix: true} does it on scheduled checks.
 */
class DriftRemediationApiTest {
    @TempDir
    Path dir;
    ServerFixture fx;
    final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (fx != null) {
            fx.close();
        }
    }

    /** Records host and thread; waits for {@link #release}; answers a run with one changed task. */
    DriftRemediator.Outcome recordingRunner(String host) throws Exception {
        calls.add(host + "@" + Thread.currentThread().getName());
        release.await(30, TimeUnit.SECONDS);
        String events = LivenessAndRestartTest.runEvents("fix-" + host).replace("\"h2\"", "\"" + host + "\"");
        return new DriftRemediator.Outcome(0, events.getBytes(), host + " : ok=1 changed=1");
    }

    private void reportB1MissingItsBroker() {
        fx.postReport(TestReports.report("ns1", 1, ServerFixture.T0, "rmqnamesrv", "rmqfleet-agent"));
        fx.postReport(TestReports.report("b1", 1, ServerFixture.T0, "rmqfleet-agent"));
        fx.postReport(TestReports.report("b2", 1, ServerFixture.T0, "rmqbroker-broker-a-1", "rmqfleet-agent"));
    }

    @Test
    void fixOnRequestReappliesOnlyTheDriftedHostOncePerHostAndRecordsTheRun() {
        fx = new ServerFixture(dir).agents("ns1", "b1", "b2").inventory(DriftAndTopologyApiTest.INVENTORY)
                .configure("drift: {interval: 1h, playbook: site.yml, fix_cooldown: 1h}\n")
                .reapply(this::recordingRunner).start();
        reportB1MissingItsBroker();

        JsonNode plain = ServerFixture.json(fx.post("/api/v1/drift/checks", "application/json", ""));
        assertThat(plain.has("remediating")).isFalse();
        assertThat(calls).isEmpty();

        HttpResponse<String> fix = fx.post("/api/v1/drift/checks", "application/json", "{\"fix\": true}");
        assertThat(fix.statusCode()).as(fix.body()).isEqualTo(201);
        assertThat(ServerFixture.json(fix).get("remediating").toString()).isEqualTo("[\"b1\"]");
        Poll.until(Duration.ofSeconds(10), "the re-apply of b1 to start", () -> calls.size() == 1);
        assertThat(calls.peek()).startsWith("b1@" + DriftRemediator.POOL);

        // still running: no second re-apply of the same host
        JsonNode again = ServerFixture.json(fx.post("/api/v1/drift/checks", "application/json", "{\"fix\":true}"));
        assertThat(again.get("remediating").size()).isZero();
        assertThat(fx.getJson("/api/v1/events?kind=remediation_started").get("total").asInt()).isEqualTo(1);

        release.countDown();
        Poll.until(Duration.ofSeconds(10), "the re-apply to be recorded",
                () -> fx.getJson("/api/v1/events?kind=remediation_finished").get("total").asInt() == 1);
        JsonNode finished = fx.getJson("/api/v1/events?kind=remediation_finished").at("/items/0");
        assertThat(finished.get("host").asText()).isEqualTo("b1");
        assertThat(finished.at("/data/exit_code").asInt()).isZero();
        assertThat(finished.at("/data/run_id").asText()).isEqualTo("fix-b1");
        assertThat(fx.getJson("/api/v1/runs/fix-b1").get("id").asText()).isEqualTo("fix-b1");

        // within the cooldown nothing starts again, though the drift is still there
        JsonNode cooling = ServerFixture.json(fx.post("/api/v1/drift/checks", "application/json", "{\"fix\":true}"));
        assertThat(cooling.get("findings").size()).isEqualTo(1);
        assertThat(cooling.get("remediating").size()).isZero();
        assertThat(calls).hasSize(1);
    }

    @Test
    void scheduledChecksFixWhenThePolicySaysSo() {
        fx = new ServerFixture(dir).agents("ns1", "b1", "b2").inventory(DriftAndTopologyApiTest.INVENTORY)
                .configure("drift: {interval: 1s, fix: true, playbook: site.yml}\n")
                .reapply(this::recordingRunner).start();
        release.countDown();
        reportB1MissingItsBroker();
        Poll.until(Duration.ofSeconds(15), "a scheduled check to re-apply b1", () -> !calls.isEmpty());
        assertThat(calls).allMatch(c -> c.startsWith("b1@"));
        Poll.until(Duration.ofSeconds(10), "the scheduled re-apply to be recorded",
                () -> fx.getJson("/api/v1/events?kind=remediation_started").at("/items/0/data/trigger").asText()
                        .equals("schedule"));
    }

    @Test
    void badFixBodiesAre400AndFixWithoutAPlaybookIs409() {
        fx = new ServerFixture(dir).agents("b1").inventory(DriftAndTopologyApiTest.INVENTORY)
                .configure("drift: {interval: 1h}\n").start();
        for (String body : List.of("{\"fix\": \"yes\"}", "{\"fixx\": true}", "[true]", "{")) {
            HttpResponse<String> r = fx.post("/api/v1/drift/checks", "application/json", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(r.body()).contains("$");
        }
        HttpResponse<String> conflict = fx.post("/api/v1/drift/checks", "application/json", "{\"fix\": true}");
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("drift.playbook");
        assertThat(fx.post("/api/v1/drift/checks", "application/json", "{\"fix\": false}").statusCode()).isEqualTo(201);
    }
}

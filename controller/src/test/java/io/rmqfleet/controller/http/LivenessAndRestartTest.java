package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.JsonEventsCallback;
import io.rmqfleet.controller.callback.Recap;
import io.rmqfleet.controller.callback.TaskStatus;
import io.rmqfleet.controller.testing.Poll;
import io.rmqfleet.controller.testing.TestReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liveness driven by a fake clock through the real server, and a restart on the same database: hosts, runs and
 * events survive, and nobody is marked down within the failover grace.
 */
class LivenessAndRestartTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration FAILOVER = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    ServerFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void silentHostGoesSuspectThenDownAndComesBackAliveWithEvents() {
        fx = new ServerFixture(dir).agents("h1", "h2").configure("")
                .liveness(INTERVAL, GRACE, Duration.ZERO).start();
        fx.postReport(TestReports.report("h1", 1, ServerFixture.T0));
        fx.postReport(TestReports.report("h2", 1, ServerFixture.T0));

        fx.clock.advance(Duration.ofSeconds(11));           // > 2 intervals
        fx.postReport(TestReports.report("h2", 2, fx.clock.instant()));
        awaitLiveness("h1", "suspect");
        assertThat(liveness("h2")).isEqualTo("alive");

        fx.clock.advance(Duration.ofSeconds(30));           // 41 s silent > 10 s + 30 s
        awaitLiveness("h1", "down");

        fx.postReport(TestReports.report("h1", 2, fx.clock.instant()));
        assertThat(liveness("h1")).isEqualTo("alive");

        List<String> transitions = new ArrayList<>();
        for (JsonNode e : fx.getJson("/api/v1/events?host=h1&kind=liveness").get("items")) {
            transitions.add(e.at("/data/from").asText() + "->" + e.at("/data/to").asText());
        }
        // Newest first.
        assertThat(transitions).containsExactly("down->alive", "suspect->down", "alive->suspect", "unknown->alive");
    }

    @Test
    void restartOnTheSameDatabaseKeepsHostsRunsEventsAndMarksNobodyDownWithinTheFailoverGrace() throws Exception {
        fx = new ServerFixture(dir).agents("h1", "h2").configure("")
                .liveness(INTERVAL, GRACE, FAILOVER).start();
        fx.postReport(TestReports.report("h1", 7, ServerFixture.T0, "rmqnamesrv"));
        fx.postReport(TestReports.report("h2", 3, ServerFixture.T0, "rmqbroker-b-0"));
        assertThat(fx.post("/api/v1/runs", "application/x-ndjson", runEvents("run-42")).statusCode()).isEqualTo(201);
        long eventsBefore = fx.getJson("/api/v1/events").get("total").asLong();

        // The controller is away for two minutes: far longer than intervals + grace.
        fx.clock.advance(Duration.ofMinutes(2));
        fx.restart();

        JsonNode h1 = fx.getJson("/api/v1/hosts/h1");
        assertThat(h1.get("liveness").asText()).isEqualTo("alive");
        assertThat(h1.at("/last_report/sequence").asLong()).isEqualTo(7);
        assertThat(h1.at("/containers/0/name").asText()).isEqualTo("rmqnamesrv");
        JsonNode run = fx.getJson("/api/v1/runs/run-42");
        assertThat(run.get("status").asText()).isEqualTo("ok");
        assertThat(run.get("events").size()).isEqualTo(5);
        assertThat(fx.getJson("/api/v1/events").get("total").asLong()).isGreaterThan(eventsBefore);

        // Within the failover grace nothing is demoted, whatever the silence.
        fx.clock.advance(FAILOVER.minusSeconds(1));
        fx.postReport(TestReports.report("h1", 8, fx.clock.instant()));   // h1 is back; h2 is not
        long deadline = System.nanoTime() + Duration.ofMillis(1500).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(liveness("h2")).isEqualTo("alive");
            Thread.sleep(100);
        }
        // A repeat of the report stored before the restart is still recognised (and, as any report, a heartbeat).
        assertThat(ServerFixture.json(fx.postReport(TestReports.report("h1", 7, ServerFixture.T0))).get("status")
                .asText()).isEqualTo("duplicate");

        // After the grace h2's silence counts (from the restart), h1 reported: only h2 goes down.
        fx.clock.advance(Duration.ofSeconds(2));
        fx.postReport(TestReports.report("h1", 9, fx.clock.instant()));
        awaitLiveness("h2", "down");
        assertThat(liveness("h1")).isEqualTo("alive");
    }

    static String runEvents(String runId) throws Exception {
        Path file = Files.createTempFile("run", ".jsonl");
        JsonEventsCallback json = new JsonEventsCallback(file, runId,
                Clock.fixed(ServerFixture.T0, ZoneOffset.UTC));
        Recap recap = new Recap();
        json.playStarted("deploy rocketmq");
        json.taskStarted("broker container", false);
        HostTaskResult r = HostTaskResult.of("h2", "broker container", TaskStatus.CHANGED,
                Map.of("changed", true, "container", Map.of("name", "rmqbroker-b-0", "spec_hash", "abc123")));
        json.hostResult(r);
        recap.add(r);
        HostTaskResult ok = HostTaskResult.of("h1", "broker container", TaskStatus.OK, Map.of("changed", false));
        json.hostResult(ok);
        recap.add(ok);
        json.runFinished(recap, Duration.ofSeconds(12));
        String text = Files.readString(file);
        Files.delete(file);
        return text;
    }

    String liveness(String host) {
        return fx.getJson("/api/v1/hosts/" + host).get("liveness").asText();
    }

    void awaitLiveness(String host, String state) {
        Poll.until(Duration.ofSeconds(10), host + " " + state, () -> liveness(host).equals(state));
    }
}

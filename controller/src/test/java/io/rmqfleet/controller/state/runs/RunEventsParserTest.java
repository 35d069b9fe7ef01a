package io.rmqfleet.controller.state.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.JsonEventsCallback;
import io.rmqfleet.controller.callback.Recap;
import io.rmqfleet.controller.callback.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEventsParserTest {
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void readsTheStreamOfTheJsonCallbackIntoARunWithSpecHashes() throws Exception {
        byte[] body = realRun("run-7", true);
        RunRecord run = RunEventsParser.parse(body, T.plusSeconds(60));

        assertThat(run.id()).isEqualTo("run-7");
        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.elapsedMs()).isEqualTo(3000);
        assertThat(run.startedAt()).isEqualTo(T);
        assertThat(run.finishedAt()).isEqualTo(T);
        assertThat(run.receivedAt()).isEqualTo(T.plusSeconds(60));
        assertThat(run.plays()).containsExactly("deploy");
        assertThat(run.events()).hasSize(6);
        assertThat(run.recap()).containsKeys("b1", "b2");
        assertThat(RunEventsParser.expectedSpecs(run))
                .containsExactly(new ExpectedSpec("b1", "rmqbroker-broker-a-0", "hash-1"));
    }

    @Test
    void aStreamWithoutRunEndIsIncomplete() throws Exception {
        String text = new String(realRun("run-8", false), StandardCharsets.UTF_8);
        String cut = text.substring(0, text.lastIndexOf("{\"event\":\"run_end\""));
        RunRecord run = RunEventsParser.parse(cut.getBytes(StandardCharsets.UTF_8), T);
        assertThat(run.status()).isEqualTo("incomplete");
        assertThat(run.exitCode()).isNull();
        assertThat(RunRecord.statusOf(0)).isEqualTo("ok");
        assertThat(RunRecord.statusOf(3)).isEqualTo("unreachable");
        assertThat(RunRecord.statusOf(99)).isEqualTo("interrupted");
        assertThat(RunRecord.statusOf(1)).isEqualTo("error");
    }

    @Test
    void badStreamsNameTheLine() {
        assertInvalid("", "line 1: empty body, expected JSON lines of one run's events");
        assertInvalid("{\"event\":\"play_start\",\"run_id\":\"a\",\"time\":\"2026-11-25T12:00:00Z\"}\n\n[1]",
                "line 3: expected a JSON object");
        assertInvalid("{\"event\":\"x\",\"run_id\":\"a\",\"time\":\"2026-11-25T12:00:00Z\"}\n"
                + "{\"event\":\"x\",\"run_id\":\"b\",\"time\":\"2026-11-25T12:00:00Z\"}", "line 2: run_id: b differs from a");
        assertInvalid("{\"event\":\"x\",\"run_id\":\"a\",\"time\":\"yesterday\"}", "line 1: time: expected an ISO-8601");
        assertInvalid("{\"run_id\":\"a\",\"time\":\"2026-11-25T12:00:00Z\"}", "line 1: event: required string is missing");
        assertInvalid("{\"event\":\"x\",\"run_id\":\"../../etc\",\"time\":\"2026-11-25T12:00:00Z\"}", "line 1: run_id:");
        assertInvalid("{\"event\":\"x\",", "line 1: malformed JSON");
        assertInvalid("{\"event\":\"run_end\",\"run_id\":\"a\",\"time\":\"2026-11-25T12:00:00Z\",\"exit_code\":\"0\"}",
                "line 1: exit_code: expected an integer");
    }

    static void assertInvalid(String body, String messageStart) {
        assertThatThrownBy(() -> RunEventsParser.parse(body.getBytes(StandardCharsets.UTF_8), T))
                .isInstanceOf(InvalidRunException.class).message().startsWith(messageStart);
    }

    byte[] realRun(String id, boolean fail) throws Exception {
        Path file = dir.resolve(id + ".jsonl");
        JsonEventsCallback json = new JsonEventsCallback(file, id, Clock.fixed(T, ZoneOffset.UTC));
        Recap recap = new Recap();
        json.playStarted("deploy");
        json.taskStarted("broker container", false);
        HostTaskResult changed = HostTaskResult.of("b1", "broker container", TaskStatus.CHANGED,
                Map.of("changed", true, "container", Map.of("name", "rmqbroker-broker-a-0", "spec_hash", "hash-1")));
        json.hostResult(changed);
        recap.add(changed);
        HostTaskResult failed = HostTaskResult.of("b2", "broker container", fail ? TaskStatus.FAILED : TaskStatus.OK,
                Map.of("container", Map.of("name", "rmqbroker-broker-a-1", "spec_hash", "hash-2")));
        json.hostResult(failed);
        recap.add(failed);
        json.taskStarted("verify", false);
        json.runFinished(recap, Duration.ofSeconds(3));
        return Files.readAllBytes(file);
    }
}

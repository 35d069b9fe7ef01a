package io.rmqfleet.controller.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonEventsCallbackTest {

    @Test
    void writesOneJsonEventPerLineAndCensorsNoLog(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events/run.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        JsonEventsCallback json = new JsonEventsCallback(file, "run-1", clock);
        Recap recap = new Recap();

        json.playStarted("deploy");
        json.taskStarted("write conf", false);
        HostTaskResult changed = HostTaskResult.of("h1", "write conf", TaskStatus.CHANGED, Map.of("changed", true))
                .withDiff("-a\n+b\n").took(Duration.ofMillis(42));
        json.hostResult(changed);
        recap.add(changed);
        HostTaskResult secret = HostTaskResult.of("h2", "write conf", TaskStatus.OK,
                Map.of("stdout", "token=s3cr3t")).withDiff("+token=s3cr3t").hidden(true);
        json.hostResult(secret);
        recap.add(secret);
        json.runFinished(recap, Duration.ofSeconds(3));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(String.join("\n", lines)).doesNotContain("s3cr3t");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode result = mapper.readTree(lines.get(2));
        assertThat(result.get("event").asText()).isEqualTo("host_result");
        assertThat(result.get("run_id").asText()).isEqualTo("run-1");
        assertThat(result.get("time").asText()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(result.get("task").asText()).isEqualTo("write conf");
        assertThat(result.get("status").asText()).isEqualTo("changed");
        assertThat(result.get("changed").asBoolean()).isTrue();
        assertThat(result.get("duration_ms").asLong()).isEqualTo(42);
        assertThat(result.get("diff").asText()).isEqualTo("-a\n+b\n");
        JsonNode end = mapper.readTree(lines.get(4));
        assertThat(end.get("event").asText()).isEqualTo("run_end");
        assertThat(end.at("/recap/h1/changed").asInt()).isEqualTo(1);
        assertThat(end.get("exit_code").asInt()).isZero();
    }
}

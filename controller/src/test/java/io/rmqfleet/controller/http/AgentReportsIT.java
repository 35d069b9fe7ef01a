package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real agent jar (agent/target/rmqfleet-agent.jar, packaged by the reactor first) against this server on
 * loopback, reading the local dockerd: its reports arrive every interval and show this test's own labelled
 * container as Docker sees it. Creates only containers named rmqfleet-serve-it-* (label
 * rmqfleet.test-owner=serve-it) and removes them.
 */
class AgentReportsIT {
    static final String HOST = "serve-it-host";
    static final String IMAGE = "rmqfleet/base:bookworm";
    static final Duration INTERVAL = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    ServerFixture fx;
    Process agent;
    Path agentLog;
    final String container = "rmqfleet-serve-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void start() throws Exception {
        fx = new ServerFixture(dir).agents(HOST).systemClock().configure("").start();
        docker("run", "-d", "--pull", "never", "--name", container, "--label", "rmqfleet.managed=true",
                "--label", "rmqfleet.test-owner=serve-it", "--label", "rmqfleet.spec-hash=serve-it-hash",
                IMAGE, "sleep", "600");
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        try {
            docker("rm", "-f", container);
        } finally {
            fx.close();
        }
    }

    @Test
    void realAgentReportsArriveEveryIntervalWithTheContainersDockerSees() throws Exception {
        Path token = dir.resolve("agent.token");
        Files.writeString(token, ServerFixture.tokenOf(HOST) + "\n");
        agentLog = dir.resolve("agent.log");
        agent = new ProcessBuilder(javaBin(), "-Xmx48m", "-jar", agentJar().toString(),
                "--controller", fx.base(), "--host", HOST, "--token-file", token.toString(),
                "--interval", INTERVAL.toMillis() + "ms", "--data-root", dir.toString())
                .redirectErrorStream(true).redirectOutput(agentLog.toFile()).start();

        // JVM start on a busy machine: generous; after that every report must follow within one interval.
        Poll.until(Duration.ofSeconds(90), "the first report", () -> sequence() >= 1);
        List<Long> gapsMs = new ArrayList<>();
        long last = sequence();
        long lastAt = System.nanoTime();
        while (gapsMs.size() < 3) {
            long seen = last;
            Poll.until(INTERVAL.multipliedBy(2), "report after #" + seen, () -> sequence() > seen);
            long now = System.nanoTime();
            gapsMs.add((now - lastAt) / 1_000_000);
            lastAt = now;
            last = sequence();
        }
        System.out.println("AgentReportsIT: gaps between reports as seen by polling (ms): " + gapsMs);

        JsonNode host = fx.getJson("/api/v1/hosts/" + HOST);
        assertThat(host.get("liveness").asText()).isEqualTo("alive");
        assertThat(host.at("/last_report/agent_version").asText()).isNotEmpty();
        JsonNode mine = containerNamed(host, container);
        assertThat(mine).as("our container in " + host).isNotNull();
        assertThat(mine.get("state").asText()).isEqualTo("running");
        assertThat(mine.get("spec_hash").asText()).isEqualTo("serve-it-hash");

        // Stopped: the next reports say so.
        docker("stop", "-t", "1", container);
        Poll.until(INTERVAL.multipliedBy(3), "container reported exited", () -> {
            JsonNode c = containerNamed(fx.getJson("/api/v1/hosts/" + HOST), container);
            return c != null && c.get("state").asText().equals("exited");
        });
        assertThat(Files.readString(agentLog)).doesNotContain(ServerFixture.tokenOf(HOST));
    }

    long sequence() {
        JsonNode host = fx.getJson("/api/v1/hosts/" + HOST);
        return host.get("last_report").isNull() ? 0 : host.at("/last_report/sequence").asLong();
    }

    static JsonNode containerNamed(JsonNode host, String name) {
        if (host.get("containers") == null || !host.get("containers").isArray()) {
            return null;
        }
        for (JsonNode c : host.get("containers")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    static Path agentJar() {
        Path root = Path.of(System.getProperty("rmqfleet.repo.root", ".."));
        Path jar = root.resolve("agent/target/rmqfleet-agent.jar");
        assertThat(jar).as("the agent jar; build it through the reactor: mvn -pl agent,controller -am verify")
                .exists();
        return jar;
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String docker(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("docker");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }
}

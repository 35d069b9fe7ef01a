package io.rmqfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.testing.DockerCli;
import io.rmqfleet.agent.testing.FakeController;
import io.rmqfleet.agent.testing.Poll;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rmqfleet/agent image (built by images/build.sh, as bin/test does before the tests) run the way the
 * playbook runs it: host network, Docker socket and data root read-only, token in a mounted file, itself
 * labelled as a managed container. The controller is a real HTTP server on loopback.
 */
class AgentImageIT {
    private static final String IMAGE = "rmqfleet/agent:latest";
    private final String name = "rmqfleet-agent-it-image-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path tmp;

    @AfterEach
    void remove() {
        DockerCli.removeQuietly(List.of(name));
    }

    @Test
    void theImageReportsItselfAndStopsOnDockerStop() throws Exception {
        assertThat(DockerCli.imageExists(IMAGE)).as(IMAGE + " exists (run images/build.sh agent)").isTrue();
        String token = "image-it-" + UUID.randomUUID();
        Path tokenFile = Files.writeString(tmp.resolve("agent.token"), token + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path dataRoot = Files.createDirectories(tmp.resolve("data"));

        try (FakeController controller = new FakeController(token).start()) {
            DockerCli.run("run", "-d", "--pull", "never", "--name", name, "--network", "host",
                    "--label", DockerCli.OWNER_LABEL, "--label", "rmqfleet.managed=true",
                    "--label", "rmqfleet.spec-hash=image-it",
                    "-v", "/var/run/docker.sock:/var/run/docker.sock:ro",
                    "-v", dataRoot + ":/data/rocketmq:ro",
                    "-v", tokenFile + ":/run/secrets/agent.token:ro",
                    "-e", "RMQFLEET_CONTROLLER=" + controller.url(),
                    "-e", "RMQFLEET_HOST=image-host",
                    "-e", "RMQFLEET_INTERVAL=500ms",
                    IMAGE);

            Poll.until(Duration.ofSeconds(60), () -> "a report listing the agent container; refused "
                            + controller.refusals() + "; logs:\n" + logs(),
                    () -> controller.accepted().stream().anyMatch(this::listsItselfRunning));

            AgentReport report = controller.accepted().stream().filter(this::listsItselfRunning)
                    .findFirst().orElseThrow();
            assertThat(report.host()).isEqualTo("image-host");
            assertThat(report.errors()).isEmpty();
            assertThat(report.disk().path()).isEqualTo("/data/rocketmq");
            assertThat(report.load()).isNotNull();
            String memory = DockerCli.run("stats", "--no-stream", "--format", "{{.MemUsage}}", name);
            System.out.println("rmqfleet/agent container memory: " + memory);

            long start = System.nanoTime();
            DockerCli.run("stop", "-t", "20", name);
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("rmqfleet/agent docker stop took " + stopping.toMillis() + " ms");
            assertThat(stopping).as("java is PID 1 and exits on SIGTERM").isLessThan(Duration.ofSeconds(15));
            assertThat(logs()).contains("reporting host image-host").doesNotContain(token);
        }
    }

    private boolean listsItselfRunning(AgentReport report) {
        return report.containers() != null && report.containers().stream().anyMatch(c -> c.name().equals(name)
                && c.state() == ContainerState.RUNNING && "image-it".equals(c.specHash()));
    }

    private String logs() {
        try {
            return DockerCli.run("logs", name);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }
}

package io.rmqfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.deliver.DeliveryStats;
import io.rmqfleet.agent.testing.DockerCli;
import io.rmqfleet.agent.testing.FakeController;
import io.rmqfleet.agent.testing.Poll;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.PortProbe;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent end to end: the real local dockerd (read over /var/run/docker.sock), a real HTTP controller on
 * loopback, the real clock. Starts its own labelled containers and removes them afterwards.
 */
class AgentIT {
    private static final String TOKEN = "agent-it-token-" + UUID.randomUUID();
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String RUNNING = "rmqfleet-agent-it-running-" + SUFFIX;
    private static final String EXITED = "rmqfleet-agent-it-exited-" + SUFFIX;
    private static final String UNMANAGED = "rmqfleet-agent-it-unmanaged-" + SUFFIX;
    private static final List<String> CONTAINERS = List.of(RUNNING, EXITED, UNMANAGED);

    private static String imageId;

    @TempDir
    Path dataRoot;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startContainers() {
        String image = DockerCli.image();
        imageId = DockerCli.run("image", "inspect", "--format", "{{.Id}}", image);
        DockerCli.run("run", "-d", "--pull", "never", "--name", RUNNING, "--label", DockerCli.OWNER_LABEL,
                "--label", "rmqfleet.managed=true", "--label", "rmqfleet.spec-hash=it-" + SUFFIX,
                image, "sleep", "600");
        DockerCli.run("run", "-d", "--pull", "never", "--name", EXITED, "--label", DockerCli.OWNER_LABEL,
                "--label", "rmqfleet.managed=true", image, "sh", "-c", "exit 7");
        DockerCli.run("run", "-d", "--pull", "never", "--name", UNMANAGED, "--label", DockerCli.OWNER_LABEL,
                image, "sleep", "600");
        Poll.until(Duration.ofSeconds(30), EXITED + " to exit",
                () -> DockerCli.run("inspect", "--format", "{{.State.Status}}", EXITED).equals("exited"));
    }

    @AfterAll
    static void removeContainers() {
        DockerCli.removeQuietly(CONTAINERS);
    }

    @AfterEach
    void close() throws Exception {
        // The agent first, so it does not log a lost controller while the test tears down.
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private AgentVerticle startAgent(FakeController controller, String token, List<Integer> extraPorts)
            throws Exception {
        List<Integer> ports = new ArrayList<>(AgentConfig.ROCKETMQ_PORTS);
        ports.addAll(extraPorts);
        AgentConfig config = new AgentConfig(URI.create(controller.url()), "it-host", new Secret(token), INTERVAL,
                Path.of("/var/run/docker.sock"), dataRoot, Path.of("/proc"), ports, Duration.ofMillis(300),
                Duration.ofSeconds(1), Duration.ofSeconds(2), 50, Duration.ofMillis(100), Duration.ofMillis(400));
        Vertx vertx = Vertx.vertx(Main.smallFootprint());
        closeables.add(() -> vertx.close().await(10, TimeUnit.SECONDS));
        AgentVerticle agent = new AgentVerticle(config, "0.1.0-it", Clock.systemUTC(), new SecureRandom());
        vertx.deployVerticle(agent).await(10, TimeUnit.SECONDS);
        return agent;
    }

    private FakeController controller(String token) throws Exception {
        FakeController controller = new FakeController(token).start();
        closeables.add(controller);
        return controller;
    }

    private static Optional<ContainerStatus> container(AgentReport report, String name) {
        return report.containers() == null ? Optional.empty()
                : report.containers().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @Test
    void reportsTheManagedContainersOfTheRealDockerd() throws Exception {
        FakeController controller = controller(TOKEN);
        startAgent(controller, TOKEN, List.of(controller.port()));

        Poll.until(Duration.ofSeconds(20), () -> "a report listing " + RUNNING + "; got " + controller.accepted()
                + " refused " + controller.refusals(),
                () -> controller.accepted().stream().anyMatch(r -> container(r, RUNNING).isPresent()));
        AgentReport report = controller.accepted().stream()
                .filter(r -> container(r, RUNNING).isPresent()).findFirst().orElseThrow();

        ContainerStatus running = container(report, RUNNING).orElseThrow();
        assertThat(running.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(running.specHash()).isEqualTo("it-" + SUFFIX);
        assertThat(running.imageId()).isEqualTo(imageId);
        assertThat(running.startedAt()).isNotNull();
        assertThat(running.id()).isEqualTo(DockerCli.run("inspect", "--format", "{{.Id}}", RUNNING));
        ContainerStatus exited = container(report, EXITED).orElseThrow();
        assertThat(exited.state()).isEqualTo(ContainerState.EXITED);
        assertThat(exited.exitCode()).isEqualTo(7);
        assertThat(container(report, UNMANAGED)).as("unlabelled containers are not reported").isEmpty();

        assertThat(report.host()).isEqualTo("it-host");
        assertThat(report.errors()).isEmpty();
        assertThat(report.disk().path()).isEqualTo(dataRoot.toString());
        assertThat(report.memory().totalBytes()).isPositive();
        assertThat(report.ports()).contains(new PortProbe(controller.port(), true));
        assertThat(controller.paths()).allMatch(p -> p.equals("POST /api/v1/agents/it-host/reports"));
    }

    @Test
    void controllerAwayAndBackReceivesEveryBufferedReportInOrderWithItsOriginalTimestamp() throws Exception {
        FakeController controller = controller(TOKEN);
        AgentVerticle agent = startAgent(controller, TOKEN, List.of());
        Poll.until(Duration.ofSeconds(20), "first reports", () -> controller.accepted().size() >= 2);

        controller.stop();
        long stoppedAtSequence = agent.lastSequence().await(5, TimeUnit.SECONDS);
        Poll.until(Duration.ofSeconds(30), "at least 6 reports buffered while the controller is away",
                () -> stats(agent).buffered() >= 6);
        DeliveryStats away = stats(agent);
        assertThat(away.consecutiveFailures()).isPositive();
        controller.start();

        Poll.until(Duration.ofSeconds(30), () -> "the buffer to drain, stats " + stats(agent),
                () -> stats(agent).buffered() == 0 && stats(agent).consecutiveFailures() == 0);
        long last = agent.lastSequence().await(5, TimeUnit.SECONDS);
        Poll.until(Duration.ofSeconds(10), "report #" + last,
                () -> controller.accepted().stream().anyMatch(r -> r.sequence() == last));

        // At-least-once: an attempt cut by the shutdown may arrive twice; the first copy of each counts.
        Map<Long, AgentReport> bySequence = new LinkedHashMap<>();
        controller.accepted().forEach(r -> bySequence.putIfAbsent(r.sequence(), r));
        List<Long> order = new ArrayList<>(bySequence.keySet());
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= order.get(order.size() - 1); s++) {
            expected.add(s);
        }
        assertThat(order).as("every report arrives, oldest first, none lost").isEqualTo(expected);
        assertThat(stats(agent).dropped()).isZero();

        List<AgentReport> buffered = bySequence.values().stream()
                .filter(r -> r.sequence() > stoppedAtSequence && r.sequence() <= stoppedAtSequence + 6).toList();
        assertThat(buffered).hasSize(6);
        for (int i = 1; i < buffered.size(); i++) {
            Duration gap = Duration.between(buffered.get(i - 1).observedAt(), buffered.get(i).observedAt());
            assertThat(gap).as("original timestamps keep the interval").isBetween(
                    INTERVAL.dividedBy(2), INTERVAL.multipliedBy(4));
        }
        AgentReport oldest = buffered.get(0);
        assertThat(Duration.between(oldest.observedAt(), oldest.sentAt()))
                .as("the oldest buffered report was sent long after it was observed")
                .isGreaterThan(INTERVAL.multipliedBy(4));
        assertThat(bySequence.values()).allMatch(r -> !r.sentAt().isBefore(r.observedAt()));
    }

    @Test
    void aWrongTokenDropsReportsWithoutCrashingAndNothingIsStored() throws Exception {
        FakeController controller = controller(TOKEN);
        AgentVerticle agent = startAgent(controller, "not-the-right-token", List.of());

        Poll.until(Duration.ofSeconds(20), "three refused reports", () -> stats(agent).rejected() >= 3);

        assertThat(controller.accepted()).isEmpty();
        assertThat(controller.refusals()).allMatch("401"::equals);
        assertThat(stats(agent).buffered()).isLessThanOrEqualTo(1);
        assertThat(stats(agent).consecutiveFailures()).isZero();
    }

    private static DeliveryStats stats(AgentVerticle agent) {
        try {
            return agent.stats().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

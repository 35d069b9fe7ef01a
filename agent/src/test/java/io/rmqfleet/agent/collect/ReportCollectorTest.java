package io.rmqfleet.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.testing.ManualClock;
import io.rmqfleet.agent.testing.Resources;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.DiskUsage;
import io.rmqfleet.common.report.PortProbe;
import io.vertx.core.Future;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Report building from canned Docker answers and /proc files; every built report passes the wire validator. */
class ReportCollectorTest {
    private static final Instant STARTED = Instant.parse("2025-11-25T09:00:00Z");
    private static final Instant T0 = Instant.parse("2025-11-25T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);

    private static List<ContainerStatus> cannedContainers() {
        return Stream.of("healthy", "unhealthy", "exited", "created", "restarting", "paused")
                .map(name -> DockerInspect.status(Resources.json("docker/inspect-" + name + ".json")))
                .toList();
    }

    private static HostMetrics cannedHost() {
        return new HostMetrics(new DiskUsage("/data/rocketmq", 1_000, 4_000),
                ProcParser.loadAverage(Resources.text("proc/loadavg")),
                ProcParser.memory(Resources.text("proc/meminfo")), List.of());
    }

    private static final List<PortProbe> PORTS = List.of(new PortProbe(9876, true), new PortProbe(10911, false));

    private ReportCollector collector(ContainerSource docker, HostMetrics host) {
        return new ReportCollector("broker-1", "0.1.0", STARTED, clock, docker,
                () -> Future.succeededFuture(host), () -> Future.succeededFuture(PORTS));
    }

    private static AgentReport collect(ReportCollector c) {
        Future<AgentReport> f = c.collect();
        assertThat(f.succeeded()).as("collect completes with fake sources").isTrue();
        return f.result();
    }

    /** What the controller will do with it: parse the JSON strictly. */
    private static AgentReport overTheWire(AgentReport report) {
        return AgentReports.parse(AgentReports.toJsonBytes(report));
    }

    @Test
    void buildsAFullReportThatTheControllerAccepts() {
        ReportCollector c = collector(() -> Future.succeededFuture(cannedContainers()), cannedHost());

        AgentReport report = collect(c);

        assertThat(overTheWire(report)).isEqualTo(report);
        assertThat(report.schema()).isEqualTo(1);
        assertThat(report.host()).isEqualTo("broker-1");
        assertThat(report.agentVersion()).isEqualTo("0.1.0");
        assertThat(report.agentStartedAt()).isEqualTo(STARTED);
        assertThat(report.sequence()).isEqualTo(1);
        assertThat(report.observedAt()).isEqualTo(T0);
        assertThat(report.sentAt()).isEqualTo(T0);
        assertThat(report.containers()).extracting(ContainerStatus::name, ContainerStatus::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("agentfx-healthy", ContainerState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("agentfx-unhealthy", ContainerState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("agentfx-exited", ContainerState.EXITED),
                org.assertj.core.groups.Tuple.tuple("agentfx-created", ContainerState.CREATED),
                org.assertj.core.groups.Tuple.tuple("agentfx-restarting", ContainerState.RESTARTING),
                org.assertj.core.groups.Tuple.tuple("agentfx-paused", ContainerState.PAUSED));
        assertThat(report.disk()).isEqualTo(new DiskUsage("/data/rocketmq", 1_000, 4_000));
        assertThat(report.load().avg1m()).isEqualTo(5.34);
        assertThat(report.ports()).isEqualTo(PORTS);
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void sequenceGrowsByOneAndEachReportIsStampedWhenCollected() {
        ReportCollector c = collector(() -> Future.succeededFuture(List.of()), cannedHost());

        AgentReport first = collect(c);
        clock.advance(Duration.ofSeconds(5));
        AgentReport second = collect(c);

        assertThat(second.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(second.observedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(c.lastSequence()).isEqualTo(2);
    }

    @Test
    void unreachableDockerLeavesContainersUnknownNotEmpty() {
        ReportCollector c = collector(() -> Future.failedFuture(new IOException(
                "cannot reach the Docker engine at /var/run/docker.sock: Connection refused")), cannedHost());

        AgentReport report = collect(c);

        assertThat(report.containers()).isNull();
        assertThat(report.errors()).containsExactly(new CollectorError("docker",
                "cannot reach the Docker engine at /var/run/docker.sock: Connection refused"));
        assertThat(report.load()).isNotNull();
        assertThat(overTheWire(report)).isEqualTo(report);
    }

    @Test
    void aSourceThatThrowsOrFailsCannotStopTheReport() {
        ReportCollector c = new ReportCollector("broker-1", "0.1.0", STARTED, clock,
                () -> {
                    throw new IllegalStateException("x".repeat(5000));
                },
                () -> Future.failedFuture(new RuntimeException("worker pool gone")),
                () -> Future.failedFuture(new RuntimeException()));

        AgentReport report = collect(c);

        assertThat(report.containers()).isNull();
        assertThat(report.disk()).isNull();
        assertThat(report.ports()).isEmpty();
        assertThat(report.errors()).extracting(CollectorError::source)
                .containsExactly("docker", "disk", "load", "memory", "ports");
        assertThat(report.errors().get(0).message()).hasSize(1024).endsWith("...");
        assertThat(report.errors().get(4).message()).isEqualTo("RuntimeException");
        assertThat(overTheWire(report)).isEqualTo(report);
    }

    @Test
    void hostSectionErrorsAreCarriedIntoTheReport() {
        HostMetrics partial = new HostMetrics(null, cannedHost().load(), cannedHost().memory(),
                List.of(new CollectorError("disk", "/data/rocketmq: no such directory (is it mounted?)")));
        AgentReport report = collect(collector(() -> Future.succeededFuture(List.of()), partial));

        assertThat(report.disk()).isNull();
        assertThat(report.errors()).extracting(CollectorError::source).containsExactly("disk");
        assertThat(overTheWire(report)).isEqualTo(report);
    }
}

package io.rmqfleet.controller.state.drift;

import static io.rmqfleet.controller.testing.TestReports.container;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.Health;
import io.rmqfleet.common.report.PortProbe;
import io.rmqfleet.controller.state.layout.BrokerSpec;
import io.rmqfleet.controller.state.layout.DashboardSpec;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.layout.NameServerSpec;
import io.rmqfleet.controller.testing.TestReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftEngineTest {
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    // ns1 alone; b1 = master of broker-a; b2 = slave; ns2 and b3 share one machine (10.213.0.20).
    static final FleetLayout LAYOUT = FleetLayout.of(
            List.of(new NameServerSpec("ns1", "10.213.0.11", 9876), new NameServerSpec("ns2", "10.213.0.20", 9876)),
            List.of(new BrokerSpec("b1", "10.213.0.12", "C", "broker-a", 0, "ASYNC_MASTER", 10911),
                    new BrokerSpec("b2", "10.213.0.13", "C", "broker-a", 1, "SLAVE", 10911),
                    new BrokerSpec("b3", "10.213.0.20", "C", "broker-b", 0, "ASYNC_MASTER", 10921)),
            List.of(new DashboardSpec("ns1", "10.213.0.11", 8080)), Map.of(), List.of());

    final Map<String, MachineObservation> seen = new HashMap<>();

    @Test
    void namesExpectedContainersPerMachineAfterTheOneNamingClass() {
        assertThat(LAYOUT.machineOf("ns1").expected()).extracting(c -> c.name())
                .containsExactly("rmqnamesrv", "rmqdashboard", "rmqfleet-agent");
        assertThat(LAYOUT.machineOf("b2").expected()).extracting(c -> c.name())
                .containsExactly("rmqbroker-broker-a-1", "rmqfleet-agent");
        assertThat(LAYOUT.machineOf("b3")).isSameAs(LAYOUT.machineOf("ns2"));
        assertThat(LAYOUT.machineOf("b3").expected()).extracting(c -> c.name())
                .containsExactly("rmqnamesrv", "rmqbroker-broker-b-0", "rmqfleet-agent");
        assertThat(LAYOUT.machineOf("b3").expected().get(1).ports()).containsExactly(10921, 10919, 10922);
    }

    @Test
    void aFleetRunningExactlyWhatIsExpectedIsClean() {
        allHealthy();
        DriftReport report = evaluate();
        assertThat(report.findings()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.machinesChecked()).isEqualTo(4);
        assertThat(report.containersChecked()).isEqualTo(10);
    }

    @Test
    void missingStoppedRestartingUnhealthyAndUnexpectedContainers() {
        allHealthy();
        report("b1", List.of(container("rmqfleet-agent", ContainerState.RUNNING)), List.of());
        report("b2", List.of(container("rmqbroker-broker-a-1", ContainerState.EXITED),
                container("rmqfleet-agent", ContainerState.RESTARTING)), List.of());
        report("ns1", List.of(container("rmqnamesrv", ContainerState.RUNNING, Health.UNHEALTHY, null),
                container("rmqdashboard", ContainerState.RUNNING), container("rmqfleet-agent", ContainerState.RUNNING),
                container("rmqbroker-old", ContainerState.EXITED)), List.of());

        assertThat(keys(evaluate())).containsExactlyInAnyOrder(
                "b1/rmqbroker-broker-a-0/MISSING",
                "b2/rmqbroker-broker-a-1/STOPPED",
                "b2/rmqfleet-agent/RESTARTING",
                "ns1/rmqnamesrv/UNHEALTHY",
                "ns1/rmqbroker-old/UNEXPECTED");
        DriftFinding stopped = evaluate().findings().stream().filter(f -> f.kind() == DriftKind.STOPPED).findFirst()
                .orElseThrow();
        assertThat(stopped.detail()).isEqualTo("rmqbroker-broker-a-1 is exited (exit code 137), expected running");
    }

    @Test
    void specHashIsComparedOnlyWhereAnExpectedHashIsKnown() {
        allHealthy();
        report("b1", List.of(container("rmqbroker-broker-a-0", ContainerState.RUNNING, Health.NONE, "old"),
                container("rmqfleet-agent", ContainerState.RUNNING, Health.NONE, "whatever")), List.of());
        FleetLayout withHashes = LAYOUT.withSpecHashes(Map.of("b1/rmqbroker-broker-a-0", "new",
                "b2/rmqbroker-broker-a-1", "h2"));
        report("b2", List.of(container("rmqbroker-broker-a-1", ContainerState.RUNNING, Health.NONE, "h2"),
                container("rmqfleet-agent", ContainerState.RUNNING)), List.of());

        DriftReport report = DriftEngine.evaluate(withHashes, this::observe, T);

        assertThat(keys(report)).containsExactly("b1/rmqbroker-broker-a-0/SPEC_HASH_DIFFERS");
        assertThat(report.findings().get(0).detail()).contains("has spec hash old").contains("gave it new");
    }

    @Test
    void aPortAnsweringWithoutItsRunningOwnerIsSquatted() {
        allHealthy();
        // b1's broker is gone but 10911 still answers; 9876 answers on a broker-only machine.
        report("b1", List.of(container("rmqfleet-agent", ContainerState.RUNNING)),
                List.of(new PortProbe(10911, true), new PortProbe(10909, false), new PortProbe(9876, true)));
        // b2's broker runs and owns its open ports: fine.
        report("b2", List.of(container("rmqbroker-broker-a-1", ContainerState.RUNNING),
                container("rmqfleet-agent", ContainerState.RUNNING)), TestReports.ports(10911, 10909, 10912));

        assertThat(keys(evaluate())).containsExactlyInAnyOrder(
                "b1/rmqbroker-broker-a-0/MISSING",
                "b1/rmqbroker-broker-a-0/PORT_SQUATTED",
                "b1/-/PORT_SQUATTED");
    }

    @Test
    void noReportDownHostAndUnreadableDockerAreSaidOncePerMachine() {
        allHealthy();
        seen.remove("ns1");
        seen.put("b1", new MachineObservation(seen.get("b1").report(), true));
        AgentReport noDocker = new AgentReport(AgentReport.SCHEMA, "b2", "0.1", T, 1, T, T, null, null, null, null,
                List.of(), List.of(new CollectorError("docker", "permission denied")));
        seen.put("b2", new MachineObservation(noDocker, false));

        DriftReport report = evaluate();

        assertThat(keys(report)).containsExactlyInAnyOrder("ns1/-/NO_REPORT", "b1/-/HOST_DOWN",
                "b2/-/CONTAINERS_UNKNOWN");
        assertThat(report.findings()).filteredOn(f -> f.kind() == DriftKind.CONTAINERS_UNKNOWN)
                .extracting(DriftFinding::detail).containsExactly("the agent could not read Docker: permission denied");
    }

    @Test
    void findingsOnASharedMachineBelongToTheOwningInventoryHost() {
        allHealthy();
        report("ns2", List.of(container("rmqnamesrv", ContainerState.RUNNING),
                container("rmqfleet-agent", ContainerState.RUNNING)), List.of());
        assertThat(keys(evaluate())).containsExactly("b3/rmqbroker-broker-b-0/MISSING");
    }

    @Test
    void countsByKind() {
        allHealthy();
        report("b1", List.of(), List.of());
        assertThat(evaluate().countByKind()).containsEntry(DriftKind.MISSING, 2).containsEntry(DriftKind.STOPPED, 0);
    }

    void allHealthy() {
        for (FleetLayout.Machine m : LAYOUT.machines()) {
            List<ContainerStatus> running = new ArrayList<>();
            m.expected().forEach(c -> running.add(container(c.name(), ContainerState.RUNNING)));
            report(m.hosts().get(0), running, List.of());
        }
    }

    void report(String host, List<ContainerStatus> containers, List<PortProbe> ports) {
        seen.put(host, new MachineObservation(TestReports.report(host, 1, T, containers, ports), false));
    }

    MachineObservation observe(FleetLayout.Machine m) {
        return m.hosts().stream().map(seen::get).filter(o -> o != null).findFirst().orElse(MachineObservation.NONE);
    }

    DriftReport evaluate() {
        return DriftEngine.evaluate(LAYOUT, this::observe, T);
    }

    static List<String> keys(DriftReport report) {
        return report.findings().stream()
                .map(f -> f.host() + "/" + (f.container() == null ? "-" : f.container()) + "/" + f.kind()).toList();
    }
}

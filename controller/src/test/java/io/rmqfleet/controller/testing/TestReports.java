package io.rmqfleet.controller.testing;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.DiskUsage;
import io.rmqfleet.common.report.Health;
import io.rmqfleet.common.report.LoadAverage;
import io.rmqfleet.common.report.MemoryUsage;
import io.rmqfleet.common.report.PortProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Valid agent reports for tests, built field by field. */
public final class TestReports {
    public static final Instant AGENT_START = Instant.parse("2026-11-25T10:00:00Z");

    private TestReports() {
    }

    public static ContainerStatus container(String name, ContainerState state) {
        return container(name, state, Health.NONE, null);
    }

    public static ContainerStatus container(String name, ContainerState state, Health health, String specHash) {
        String id = String.format(Locale.ROOT, "%064x", Math.abs((long) name.hashCode()));
        return new ContainerStatus(id, name, "rmqfleet/rocketmq:5.3.3", "sha256:" + "a".repeat(64), state,
                state == ContainerState.RESTARTING ? 3 : 0, AGENT_START, state == ContainerState.EXITED ? 137 : 0,
                specHash, health);
    }

    public static AgentReport report(String host, long sequence, Instant observedAt, List<ContainerStatus> containers,
                                     List<PortProbe> ports) {
        return new AgentReport(AgentReport.SCHEMA, host, "0.1.0-test", AGENT_START, sequence, observedAt, observedAt,
                containers, new DiskUsage("/data/rocketmq", 50L << 30, 100L << 30), new LoadAverage(0.5, 0.4, 0.3),
                new MemoryUsage(24L << 30, 18L << 30), ports, List.of());
    }

    public static AgentReport report(String host, long sequence, Instant observedAt, String... runningContainers) {
        List<ContainerStatus> list = new ArrayList<>();
        for (String name : runningContainers) {
            list.add(container(name, ContainerState.RUNNING));
        }
        return report(host, sequence, observedAt, list, List.of());
    }

    public static List<PortProbe> ports(int... openPorts) {
        List<PortProbe> list = new ArrayList<>();
        for (int p : openPorts) {
            list.add(new PortProbe(p, true));
        }
        return list;
    }
}

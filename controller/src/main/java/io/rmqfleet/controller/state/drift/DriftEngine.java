package io.rmqfleet.controller.state.drift;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.Health;
import io.rmqfleet.common.report.PortProbe;
import io.rmqfleet.controller.state.layout.ExpectedContainer;
import io.rmqfleet.controller.state.layout.FleetLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Expected (inventory layout + spec hashes of the last apply) versus actual (the agents' latest reports), per
 * machine. Pure: no I/O, no clock; the caller hands in everything and stores the result.
 */
public final class DriftEngine {

    private DriftEngine() {
    }

    /**
     * @param layout     what the inventory expects
     * @param observe    the observation of a machine (never null; {@link MachineObservation#NONE} when unknown)
     * @param checkedAt  the time stamped on the result
     */
    public static DriftReport evaluate(FleetLayout layout, Function<FleetLayout.Machine, MachineObservation> observe,
                                       Instant checkedAt) {
        List<DriftFinding> findings = new ArrayList<>();
        int containers = 0;
        for (FleetLayout.Machine machine : layout.machines()) {
            containers += machine.expected().size();
            checkMachine(machine, observe.apply(machine), findings);
        }
        return new DriftReport(checkedAt, layout.machines().size(), containers, findings);
    }

    static void checkMachine(FleetLayout.Machine machine, MachineObservation seen, List<DriftFinding> out) {
        String machineHost = machine.hosts().get(0);
        AgentReport report = seen.report();
        if (report == null) {
            out.add(new DriftFinding(machineHost, null, DriftKind.NO_REPORT,
                    "no agent report from " + String.join(", ", machine.hosts()) + " (" + machine.address() + ")"));
            return;
        }
        if (seen.down()) {
            // The data is stale: say so once instead of guessing about every container.
            out.add(new DriftFinding(report.host(), null, DriftKind.HOST_DOWN,
                    "host is down; last report observed at " + report.observedAt()));
            return;
        }
        if (report.containers() == null) {
            out.add(new DriftFinding(report.host(), null, DriftKind.CONTAINERS_UNKNOWN,
                    "the agent could not read Docker" + dockerError(report)));
            return;
        }
        Map<String, ContainerStatus> actual = new TreeMap<>();
        report.containers().forEach(c -> actual.put(c.name(), c));
        Map<Integer, String> ownerOfPort = new HashMap<>();
        Map<String, ContainerStatus> running = new HashMap<>();
        for (ExpectedContainer expected : machine.expected()) {
            ContainerStatus c = actual.remove(expected.name());
            expected.ports().forEach(p -> ownerOfPort.putIfAbsent(p, expected.name()));
            if (c == null) {
                out.add(new DriftFinding(expected.owner(), expected.name(), DriftKind.MISSING,
                        "expected container " + expected.name() + " (" + expected.role().wire() + ") does not exist"));
                continue;
            }
            checkContainer(expected, c, out);
            if (c.state() == ContainerState.RUNNING) {
                running.put(expected.name(), c);
            }
        }
        actual.values().forEach(c -> out.add(new DriftFinding(report.host(), c.name(), DriftKind.UNEXPECTED,
                "managed container " + c.name() + " (" + c.state().wire() + ") is not in the inventory for "
                        + machine.address())));
        for (PortProbe probe : report.ports()) {
            String owner = ownerOfPort.get(probe.port());
            if (!probe.open() || (owner != null && running.containsKey(owner))) {
                continue;
            }
            if (owner != null) {
                out.add(new DriftFinding(report.host(), owner, DriftKind.PORT_SQUATTED,
                        "port " + probe.port() + " answers but " + owner
                                + " is not running: another process or unmanaged container holds it"));
            } else if (isRocketMqDefaultPort(probe.port())) {
                out.add(new DriftFinding(report.host(), null, DriftKind.PORT_SQUATTED,
                        "RocketMQ port " + probe.port() + " answers but no managed container here should listen"
                                + " on it"));
            }
        }
    }

    private static void checkContainer(ExpectedContainer expected, ContainerStatus c, List<DriftFinding> out) {
        String owner = expected.owner();
        switch (c.state()) {
            case RUNNING -> {
                if (c.health() == Health.UNHEALTHY) {
                    out.add(new DriftFinding(owner, c.name(), DriftKind.UNHEALTHY,
                            c.name() + " is running but its health check fails"));
                }
            }
            case RESTARTING -> out.add(new DriftFinding(owner, c.name(), DriftKind.RESTARTING,
                    c.name() + " is restarting (restart count " + c.restartCount() + ", last exit code "
                            + c.exitCode() + ")"));
            default -> out.add(new DriftFinding(owner, c.name(), DriftKind.STOPPED,
                    c.name() + " is " + c.state().wire() + " (exit code " + c.exitCode() + "), expected running"));
        }
        if (expected.specHash() != null && !expected.specHash().equals(c.specHash())) {
            out.add(new DriftFinding(owner, c.name(), DriftKind.SPEC_HASH_DIFFERS,
                    c.name() + " has spec hash " + shortHash(c.specHash()) + ", the last apply gave it "
                            + shortHash(expected.specHash())));
        }
    }

    /** The ports the agent probes by default (docs/agent.md): answering there without an owner is suspicious. */
    static boolean isRocketMqDefaultPort(int port) {
        return port == 9876 || port == 10909 || port == 10911 || port == 10912;
    }

    private static String dockerError(AgentReport report) {
        return report.errors().stream().filter(e -> e.source().equals("docker")).findFirst()
                .map(e -> ": " + e.message()).orElse("");
    }

    private static String shortHash(String hash) {
        if (hash == null) {
            return "(none)";
        }
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}

package io.rmqfleet.controller.bench;

import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.controller.state.drift.DriftEngine;
import io.rmqfleet.controller.state.drift.DriftReport;
import io.rmqfleet.controller.state.drift.MachineObservation;
import io.rmqfleet.controller.state.layout.BrokerSpec;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.layout.NameServerSpec;
import io.rmqfleet.controller.testing.TestReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift evaluation time for a fleet of N hosts (3 NameServers, the rest brokers in master/slave pairs), every
 * 10th broker drifted (missing, stopped, squatted port), measured in one JVM: cold first run, then the median and
 * max of warm runs. Usage: DriftBench HOSTS REPETITIONS.
 */
public final class DriftBench {
    public static void main(String[] args) {
        int hosts = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        Instant t = Instant.parse("2026-11-25T12:00:00Z");
        List<NameServerSpec> ns = new ArrayList<>();
        List<BrokerSpec> brokers = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String address = "10.213." + (i / 250) + "." + (i % 250 + 1);
            if (i < 3) {
                ns.add(new NameServerSpec("h" + i, address, 9876));
            } else {
                int pair = (i - 3) / 2;
                long id = (i - 3) % 2;
                brokers.add(new BrokerSpec("h" + i, address, "C", "broker-" + pair, id, id == 0 ? "ASYNC_MASTER"
                        : "SLAVE", 10911));
            }
        }
        FleetLayout layout = FleetLayout.of(ns, brokers, List.of(), Map.of(), List.of());
        Map<String, MachineObservation> seen = new HashMap<>();
        int i = 0;
        for (FleetLayout.Machine m : layout.machines()) {
            List<ContainerStatus> containers = new ArrayList<>();
            for (var c : m.expected()) {
                boolean drifted = i % 10 == 0 && c.name().startsWith("rmqbroker");
                if (drifted && i % 20 == 0) {
                    continue;   // missing (its ports still answer below: squatted)
                }
                containers.add(TestReports.container(c.name(), drifted ? ContainerState.EXITED : ContainerState.RUNNING));
            }
            seen.put(m.hosts().get(0), new MachineObservation(TestReports.report(m.hosts().get(0), 1, t, containers,
                    TestReports.ports(10911, 10909, 10912)), false));
            i++;
        }
        long coldStart = System.nanoTime();
        DriftReport first = DriftEngine.evaluate(layout, m -> seen.get(m.hosts().get(0)), t);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        double[] warm = new double[reps];
        for (int r = 0; r < reps; r++) {
            long s = System.nanoTime();
            DriftEngine.evaluate(layout, m -> seen.get(m.hosts().get(0)), t);
            warm[r] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        System.out.printf("drift hosts=%d machines=%d containers=%d findings=%d cold=%.1fms warm-median=%.2fms"
                        + " warm-max=%.2fms (%d runs)%n", hosts, first.machinesChecked(), first.containersChecked(),
                first.findings().size(), coldMs, warm[reps / 2], warm[reps - 1], reps);
    }
}

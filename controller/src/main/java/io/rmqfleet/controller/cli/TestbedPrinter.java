package io.rmqfleet.controller.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The human-readable listing of a bed shared by {@code up} and {@code status}. */
final class TestbedPrinter {
    private TestbedPrinter() {
    }

    static void hosts(PrintWriter out, TestbedState state, Map<String, String> containerStates,
                      Map<String, String> sshStates) {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"HOST", "ADDRESS", "CONTAINER", "SSH", "HOST KEY"});
        for (TestbedState.Host host : state.hosts()) {
            rows.add(new String[] {
                host.name(),
                host.address() + ":" + host.sshPort(),
                containerStates.getOrDefault(host.name(), "missing"),
                sshStates.getOrDefault(host.name(), "-"),
                host.fingerprint()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static void files(PrintWriter out, TestbedState state) {
        out.println("inventory:   " + state.inventory());
        if (state.inventoryCopy() != null) {
            out.println("             " + state.inventoryCopy() + " (copy)");
        }
        out.println("private key: " + state.privateKey());
        out.println("known_hosts: " + state.knownHosts());
    }
}

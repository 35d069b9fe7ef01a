package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The three views of {@code ansible-inventory} (cli/inventory.py), produced from an {@link Inventory}:
 * {@code --list} (inventory-script JSON), {@code --host} (one host's merged variables) and {@code --graph}.
 * A {@link Limit} keeps only matching hosts (group structure stays, as in newer ansible-inventory).
 */
public final class InventoryReport {
    private final Inventory inventory;
    private final Set<String> available;

    public InventoryReport(Inventory inventory, Limit limit) {
        this.inventory = inventory;
        this.available = new LinkedHashSet<>();
        inventory.select("all", limit).forEach(h -> available.add(h.name()));
    }

    /** The {@code --list} document: groups with hosts/children, and {@code _meta.hostvars}. */
    public Map<String, Object> list() {
        Map<String, Object> results = new LinkedHashMap<>();
        formatGroup(inventory.groups().get("all"), results, new LinkedHashSet<>());
        Map<String, Object> hostvars = new LinkedHashMap<>();
        for (String host : available) {
            Map<String, Object> vars = inventory.hostVars(host);
            if (!vars.isEmpty()) {
                hostvars.put(host, vars);
            }
        }
        results.put("_meta", Map.of("hostvars", hostvars));
        return results;
    }

    private void formatGroup(Group group, Map<String, Object> results, Set<String> seen) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (!group.name().equals("all")) {
            List<String> hosts = group.hosts().stream().filter(available::contains).toList();
            if (!hosts.isEmpty()) {
                entry.put("hosts", hosts);
            }
        }
        if (!group.children().isEmpty()) {
            entry.put("children", group.children());
        }
        results.put(group.name(), entry);
        for (String child : group.children()) {
            if (seen.add(child)) {
                formatGroup(inventory.groups().get(child), results, seen);
            }
        }
        if (entry.isEmpty()) {
            results.remove(group.name());
        }
    }

    /** The {@code --list} output text, byte for byte as ansible-inventory prints it. */
    public String listJson() {
        return PythonJson.dumps(list());
    }

    /** The {@code --host NAME} output text. */
    public String hostJson(String host) {
        return PythonJson.dumps(inventory.hostVars(host));
    }

    /** The {@code --graph [GROUP] [--vars]} output, lines joined by newlines. */
    public String graph(String groupName, boolean showVars) {
        Group start = inventory.groups().get(groupName);
        if (start == null) {
            throw new IllegalArgumentException("Pattern must be valid group name when using --graph");
        }
        List<String> lines = new ArrayList<>();
        graphGroup(start, 0, showVars, lines);
        return String.join("\n", lines);
    }

    private void graphGroup(Group group, int depth, boolean showVars, List<String> lines) {
        lines.add(graphName("@" + group.name() + ":", depth));
        int inner = depth + 1;
        for (String child : group.children()) {
            graphGroup(inventory.groups().get(child), inner, showVars, lines);
        }
        if (!group.name().equals("all")) {
            for (String host : group.hosts()) {
                if (!available.contains(host)) {
                    continue;
                }
                lines.add(graphName(host, inner));
                if (showVars) {
                    showVars(inventory.hostVars(host), inner + 1, lines);
                }
            }
        }
        if (showVars) {
            showVars(inventory.groupVars(group.name()), inner, lines);
        }
    }

    private static void showVars(Map<String, Object> vars, int depth, List<String> lines) {
        Map<String, Object> sorted = new TreeMap<>(PyStrings::compare);
        sorted.putAll(vars);
        sorted.forEach((name, value) -> lines.add(graphName("{" + name + " = " + PythonRepr.str(value) + "}", depth)));
    }

    private static String graphName(String name, int depth) {
        return depth == 0 ? name : "  |".repeat(depth) + "--" + name;
    }
}

package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small in-memory inventory for planner and vars tests: groups of hosts, host vars, and patterns made of
 * names and groups joined by ',' or ':' with '!' exclusions.
 */
public final class FakeInventory implements InventoryView {

    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> hostVars = new LinkedHashMap<>();

    public FakeInventory group(String name, String... hosts) {
        groups.computeIfAbsent("all", k -> new ArrayList<>());
        List<String> members = groups.computeIfAbsent(name, k -> new ArrayList<>());
        for (String h : hosts) {
            members.add(h);
            if (!groups.get("all").contains(h)) {
                groups.get("all").add(h);
            }
            hostVars.computeIfAbsent(h, k -> new LinkedHashMap<>());
        }
        return this;
    }

    public FakeInventory var(String host, String name, Object value) {
        hostVars.computeIfAbsent(host, k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    @Override
    public List<String> select(String pattern, String limit, SourceLocation where) {
        List<String> hosts = expand(pattern, where);
        if (limit != null) {
            List<String> allowed = expand(limit, where);
            hosts.retainAll(allowed);
        }
        return hosts;
    }

    private List<String> expand(String pattern, SourceLocation where) {
        if (pattern.contains("[")) {
            throw new InputException(where, "unsupported pattern in fake inventory: " + pattern);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : pattern.split("[,:]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            boolean exclude = p.startsWith("!");
            String name = exclude ? p.substring(1) : p;
            List<String> matched = groups.containsKey(name) ? groups.get(name)
                : hostVars.containsKey(name) ? List.of(name) : List.of();
            if (exclude) {
                out.removeAll(matched);
            } else {
                out.addAll(matched);
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public Map<String, Object> hostVars(String host) {
        return hostVars.getOrDefault(host, Map.of());
    }

    @Override
    public List<String> groupNames(String host) {
        List<String> names = new ArrayList<>();
        groups.forEach((g, hs) -> {
            if (!g.equals("all") && hs.contains(host)) {
                names.add(g);
            }
        });
        names.sort(String::compareTo);
        return names;
    }

    @Override
    public Map<String, List<String>> groups() {
        return groups;
    }

    @Override
    public boolean hasHost(String host) {
        return hostVars.containsKey(host);
    }
}

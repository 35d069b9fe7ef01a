package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The mutable inventory the source parsers fill (Ansible's InventoryData): groups and hosts in first-seen order,
 * {@code all} and {@code ungrouped} always present, and {@link #reconcile()} applying Ansible's closing rules.
 * Errors are {@link IllegalArgumentException}s; the parsers attach file:line:col.
 */
final class InventoryBuilder {
    final Map<String, MutableGroup> groups = new LinkedHashMap<>();
    final Map<String, MutableHost> hosts = new LinkedHashMap<>();
    final Consumer<String> warnings;
    /** The file being read, recorded as each new host's inventory_file. */
    String currentSource;

    InventoryBuilder(Consumer<String> warnings) {
        this.warnings = warnings;
        addGroup("all");
        addGroup("ungrouped");
        addChild("all", "ungrouped");
    }

    MutableGroup addGroup(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid empty/false group name provided: " + name);
        }
        return groups.computeIfAbsent(name, MutableGroup::new);
    }

    MutableHost addHost(String name, String group, Integer port) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid empty host name provided: " + name);
        }
        MutableGroup g = null;
        if (group != null) {
            g = groups.get(group);
            if (g == null) {
                throw new IllegalArgumentException("Could not find group " + group + " in inventory");
            }
        }
        MutableHost host = hosts.get(name);
        if (host == null) {
            host = new MutableHost(name, port, currentSource);
            hosts.put(name, host);
        }
        if (g != null) {
            g.addHost(host);
        }
        return host;
    }

    void setGroupVariable(String group, String key, Object value) {
        groups.get(group).setVariable(key, value);
    }

    void setHostVariable(String host, String key, Object value) {
        hosts.get(host).vars.put(key, value);
    }

    /** Ansible's add_child: a group (or, oddly, a host) named {@code child} joins {@code parent}. */
    void addChild(String parent, String child) {
        MutableGroup p = groups.get(parent);
        if (p == null) {
            throw new IllegalArgumentException(parent + " is not a known group");
        }
        MutableGroup g = groups.get(child);
        if (g != null) {
            p.addChild(g);
        } else if (hosts.containsKey(child)) {
            p.addHost(hosts.get(child));
        } else {
            throw new IllegalArgumentException(child + " is not a known host nor group");
        }
    }

    /** Ansible's reconcile_inventory: every group under {@code all}; {@code ungrouped} holds exactly the hosts in no other group. */
    void reconcile() {
        MutableGroup all = groups.get("all");
        MutableGroup ungrouped = groups.get("ungrouped");
        for (MutableGroup g : new ArrayList<>(groups.values())) {
            if (g != all && g.parents.isEmpty()) {
                all.addChild(g);
            }
        }
        for (MutableHost host : hosts.values()) {
            if (host.groups.contains(ungrouped)) {
                boolean inOtherGroup = host.groups.stream().anyMatch(g -> g != all && g != ungrouped);
                if (inOtherGroup) {
                    ungrouped.removeHost(host);
                }
            } else if (host.groups.stream().allMatch(g -> g == all)) {
                ungrouped.addHost(host);
            }
        }
        for (String name : groups.keySet()) {
            if (hosts.containsKey(name)) {
                warnings.accept("Found both group and host with same name: " + name);
            }
        }
    }
}

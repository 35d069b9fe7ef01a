package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A group while sources are being read (Ansible's inventory.group.Group); frozen into {@link Group} at the end. */
final class MutableGroup {
    final String name;
    final List<MutableHost> hosts = new ArrayList<>();
    final Set<String> hostNames = new LinkedHashSet<>();
    final List<MutableGroup> children = new ArrayList<>();
    final List<MutableGroup> parents = new ArrayList<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    int depth;
    int priority = 1;

    MutableGroup(String name) {
        this.name = name;
    }

    boolean addHost(MutableHost host) {
        if (!hostNames.add(host.name)) {
            return false;
        }
        hosts.add(host);
        host.groups.add(this);
        return true;
    }

    void removeHost(MutableHost host) {
        if (hostNames.remove(host.name)) {
            hosts.remove(host);
            host.groups.remove(this);
        }
    }

    /** Ansible's add_child_group: refuses cycles, keeps depth = longest path from the root. */
    void addChild(MutableGroup child) {
        if (child == this) {
            throw new IllegalArgumentException("can't add group to itself");
        }
        if (children.contains(child)) {
            return;
        }
        if (ancestors().contains(child)) {
            throw new IllegalArgumentException("Adding group '" + child.name + "' as child to '" + name
                + "' creates a recursive dependency loop.");
        }
        children.add(child);
        if (child.depth < depth + 1) {
            child.depth = depth + 1;
            child.deepenChildren();
        }
        if (!child.parents.contains(this)) {
            child.parents.add(this);
        }
    }

    private void deepenChildren() {
        for (MutableGroup child : children) {
            if (child.depth < depth + 1) {
                child.depth = depth + 1;
                child.deepenChildren();
            }
        }
    }

    Set<MutableGroup> ancestors() {
        Set<MutableGroup> seen = new LinkedHashSet<>();
        List<MutableGroup> todo = new ArrayList<>(parents);
        while (!todo.isEmpty()) {
            MutableGroup g = todo.remove(todo.size() - 1);
            if (seen.add(g)) {
                todo.addAll(g.parents);
            }
        }
        return seen;
    }

    void setVariable(String key, Object value) {
        if (key.equals("ansible_group_priority")) {
            priority = toPriority(value);
        } else {
            vars.put(key, value);
        }
    }

    /** Python's int(value) as Group.set_priority applies it. */
    private static int toPriority(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof CharSequence s) {
            Integer parsed = HostPatternExpander.pythonInt(s.toString());
            if (parsed != null) {
                return parsed;
            }
            throw new IllegalArgumentException("invalid literal for int() with base 10: '" + s + "' (ansible_group_priority)");
        }
        throw new IllegalArgumentException("ansible_group_priority must be a number, got " + PythonRepr.repr(value));
    }
}

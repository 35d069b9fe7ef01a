package io.rmqfleet.controller.inventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's variable precedence for inventory variables (VariableManager.get_vars with the default
 * VARIABLE_PRECEDENCE), lowest first:
 * <ol>
 *   <li>{@code all}'s inventory-file vars</li>
 *   <li>the host's other groups' inventory-file vars, sorted by (depth, ansible_group_priority, name)</li>
 *   <li>{@code group_vars/all} beside each source, in source order</li>
 *   <li>{@code group_vars/<group>} for each source (outer loop) and each sorted group (inner loop)</li>
 *   <li>the host's own inventory-file vars</li>
 *   <li>{@code host_vars/<host>} beside each source</li>
 * </ol>
 * Merging replaces whole top-level keys (hash_behaviour=replace).
 */
final class VariablePrecedence {
    /** Variables ansible-inventory never prints (cli/inventory.py INTERNAL_VARS). */
    static final Set<String> INTERNAL_VARS = Set.of("ansible_diff_mode", "ansible_config_file", "ansible_facts",
        "ansible_forks", "ansible_inventory_sources", "ansible_limit", "ansible_playbook_python", "ansible_run_tags",
        "ansible_skip_tags", "ansible_verbosity", "ansible_version", "inventory_dir", "inventory_file",
        "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "omit", "playbook_dir");

    static final Comparator<Group> GROUP_ORDER = Comparator.comparingInt(Group::depth)
        .thenComparingInt(Group::priority)
        .thenComparing(Group::name, PyStrings::compare);

    private final List<Path> basedirs;
    private final VarsDirectories varsFiles;

    VariablePrecedence(List<Path> basedirs, VarsDirectories varsFiles) {
        this.basedirs = basedirs;
        this.varsFiles = varsFiles;
    }

    /** A host's merged variables; {@code hostGroups} are all its groups (with ancestors) except {@code all}. */
    Map<String, Object> hostVars(String hostName, Map<String, Object> ownVars, Group all, List<Group> hostGroups) {
        List<Group> sorted = new ArrayList<>(hostGroups);
        sorted.sort(GROUP_ORDER);
        Map<String, Object> vars = new LinkedHashMap<>(all.vars());
        for (Group g : sorted) {
            vars.putAll(g.vars());
        }
        for (Path dir : basedirs) {
            vars.putAll(varsFiles.groupVars(dir, "all"));
        }
        for (Path dir : basedirs) {
            for (Group g : sorted) {
                vars.putAll(varsFiles.groupVars(dir, g.name()));
            }
        }
        vars.putAll(ownVars);
        for (Path dir : basedirs) {
            vars.putAll(varsFiles.hostVars(dir, hostName));
        }
        INTERNAL_VARS.forEach(vars::remove);
        return vars;
    }

    /** A group's variables as {@code ansible-inventory --graph --vars} shows them. */
    Map<String, Object> groupVars(Group group) {
        Map<String, Object> vars = new LinkedHashMap<>(group.vars());
        for (Path dir : basedirs) {
            vars.putAll(varsFiles.groupVars(dir, group.name()));
        }
        if (group.priority() != 1) {
            vars.put("ansible_group_priority", (long) group.priority());
        }
        INTERNAL_VARS.forEach(vars::remove);
        return vars;
    }
}

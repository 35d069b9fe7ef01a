package io.rmqfleet.controller.inventory;

import java.util.List;
import java.util.Map;

/**
 * An inventory group as read from the sources.
 *
 * @param name     the group name ({@code all} and {@code ungrouped} always exist)
 * @param hosts    names of the hosts listed directly in this group, in inventory order
 * @param children names of the direct child groups, in inventory order
 * @param parents  names of the direct parent groups
 * @param vars     the group's own variables from inventory files (not group_vars/; see {@link Inventory#groupVars})
 * @param depth    longest path from {@code all} (all = 0); deeper groups' variables win
 * @param priority {@code ansible_group_priority} (default 1); among groups of equal depth, higher wins
 */
public record Group(String name, List<String> hosts, List<String> children, List<String> parents,
                    Map<String, Object> vars, int depth, int priority) {
}

package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.inventory.Limit;
import io.rmqfleet.controller.playbook.vars.InventoryView;
import java.util.List;
import java.util.Map;

/** Loads the {@code -i} sources into the view the planner uses. */
final class InventorySources {

    private InventorySources() {
    }

    static InventoryView load(List<String> sources) {
        return new View(Inventory.loadSources(sources));
    }

    /** The planner's view of an {@link Inventory}: patterns, merged host vars, groups. */
    private record View(Inventory inventory) implements InventoryView {
        @Override
        public List<String> select(String pattern, String limit, SourceLocation where) {
            Limit parsed = limit == null || limit.isBlank() ? null : Limit.parse(limit);
            return inventory.select(pattern, parsed, where).stream().map(Host::name).toList();
        }

        @Override
        public Map<String, Object> hostVars(String host) {
            return inventory.hostVars(host);
        }

        @Override
        public List<String> groupNames(String host) {
            return inventory.groupNames(host);
        }

        @Override
        public Map<String, List<String>> groups() {
            return inventory.groupsMap();
        }

        @Override
        public boolean hasHost(String host) {
            return inventory.host(host).isPresent() || "localhost".equals(host);
        }
    }
}

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
        return new Adapter(Inventory.loadSources(sources));
    }

    /** The planner's view of an {@link Inventory}; {@code --limit} is read like ansible-playbook's (@file relative to the cwd). */
    private record Adapter(Inventory inventory) implements InventoryView {
        @Override
        public List<String> select(String pattern, String limit, SourceLocation where) {
            Limit subset = limit == null ? null : Limit.parse(limit);
            return inventory.select(pattern, subset, where).stream().map(Host::name).toList();
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
            return inventory.hasHost(host);
        }
    }
}

package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.inventory.Limit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Adapts the inventory package's {@link Inventory} to the {@link InventoryView} planning and vars use. */
public final class InventoryViews {

    private InventoryViews() {
    }

    public static InventoryView of(Inventory inventory) {
        return new Adapter(inventory);
    }

    private static final class Adapter implements InventoryView {
        private final Inventory inventory;
        private final Map<String, List<String>> groupNames = new ConcurrentHashMap<>();
        private final Map<String, Limit> limits = new ConcurrentHashMap<>();
        private volatile Map<String, List<String>> groups;

        Adapter(Inventory inventory) {
            this.inventory = inventory;
        }

        @Override
        public List<String> select(String pattern, String limit, SourceLocation where) {
            Limit parsed = limit == null ? null : limits.computeIfAbsent(limit, Limit::parse);
            return inventory.select(pattern, parsed, where).stream().map(Host::name).toList();
        }

        @Override
        public Map<String, Object> hostVars(String host) {
            return inventory.hostVars(host);
        }

        @Override
        public List<String> groupNames(String host) {
            return groupNames.computeIfAbsent(host, inventory::groupNames);
        }

        @Override
        public Map<String, List<String>> groups() {
            Map<String, List<String>> g = groups;
            if (g == null) {
                g = inventory.groupsMap();
                groups = g;
            }
            return g;
        }

        @Override
        public boolean hasHost(String host) {
            return inventory.hasHost(host);
        }
    }
}

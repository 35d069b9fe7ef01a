package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.inventory.Inventory;
import java.io.PrintWriter;
import java.util.List;

/** Loads the {@code -i} sources (files, directories, host lists), printing the inventory's warnings. */
final class InventorySources {

    private InventorySources() {
    }

    static Inventory load(List<String> sources, PrintWriter err) {
        Inventory inventory = Inventory.loadSources(sources);
        inventory.warnings().forEach(w -> err.println("[WARNING]: " + w));
        err.flush();
        return inventory;
    }
}

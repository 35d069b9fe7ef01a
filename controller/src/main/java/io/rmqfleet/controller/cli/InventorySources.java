package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.playbook.vars.InventoryView;
import java.util.List;

/** Loads the {@code -i} sources into the view the planner uses. */
final class InventorySources {

    private InventorySources() {
    }

    static InventoryView load(List<String> sources) {
        // Replaced by the adapter over io.rmqfleet.controller.inventory.Inventory when that lands on main.
        throw new UserFacingException("inventory loading is not available in this build", ExitCodes.ERROR);
    }
}

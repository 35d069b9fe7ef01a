package io.rmqfleet.controller.inventory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A host while sources are being read (Ansible's inventory.host.Host). */
final class MutableHost {
    final String name;
    /** The directly containing groups; ancestors are derived when freezing. */
    final Set<MutableGroup> groups = new LinkedHashSet<>();
    final Map<String, Object> vars = new LinkedHashMap<>();
    /** The source file the host was first seen in (Ansible's inventory_file). */
    final String inventoryFile;

    MutableHost(String name, Integer port, String inventoryFile) {
        this.name = name;
        this.inventoryFile = inventoryFile;
        if (port != null) {
            vars.put("ansible_port", port.longValue());
        }
    }
}

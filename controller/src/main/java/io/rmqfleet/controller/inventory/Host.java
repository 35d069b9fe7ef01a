package io.rmqfleet.controller.inventory;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One inventory host. {@link #vars()} are the host's own variables from inventory files (inline vars, and
 * {@code ansible_port} from {@code host:port}); {@link #mergedVars()} are all its variables after Ansible's
 * precedence (what {@code ansible-inventory --host NAME} prints). The connection accessors read the merged ones.
 */
public final class Host {
    private final String name;
    private final Map<String, Object> vars;
    private final Map<String, Object> mergedVars;
    private final String inventoryFile;
    private final boolean implicit;

    Host(String name, Map<String, Object> vars, Map<String, Object> mergedVars, String inventoryFile, boolean implicit) {
        this.name = name;
        this.vars = vars;
        this.mergedVars = mergedVars;
        this.inventoryFile = inventoryFile;
        this.implicit = implicit;
    }

    public String name() {
        return name;
    }

    /** The host's own inventory variables (unmodifiable). */
    public Map<String, Object> vars() {
        return vars;
    }

    /** All variables after precedence (unmodifiable), as {@code ansible-inventory --host}. */
    public Map<String, Object> mergedVars() {
        return mergedVars;
    }

    /** The inventory file the host was first read from (Ansible's inventory_file); null for host lists/implicit. */
    public String inventoryFile() {
        return inventoryFile;
    }

    /** The implicit {@code localhost} Ansible invents when a pattern names it but the inventory does not. */
    public boolean implicit() {
        return implicit;
    }

    /** Connection settings from the merged variables; throws if one of them is still a template. */
    public ConnectionSettings connection() {
        return ConnectionSettings.from(name, mergedVars);
    }

    /** {@code ansible_host} (or {@code ansible_ssh_host}), else the inventory name. */
    public String ansibleHost() {
        return connection().address();
    }

    /** {@code ansible_port}; empty means the SSH default. */
    public OptionalInt ansiblePort() {
        return connection().port();
    }

    public Optional<String> ansibleUser() {
        return connection().user();
    }

    public Optional<String> ansibleSshPrivateKeyFile() {
        return connection().privateKeyFile();
    }

    public Optional<String> ansibleSshCommonArgs() {
        return connection().sshCommonArgs();
    }

    public boolean ansibleBecome() {
        return connection().become();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Host h && h.name.equals(name) && h.implicit == implicit;
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}

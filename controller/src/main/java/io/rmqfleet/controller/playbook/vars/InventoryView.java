package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.List;
import java.util.Map;

/** What planning and variable resolution need from an inventory (see {@code InventoryViews} for the adapter). */
public interface InventoryView {

    /**
     * Host names matching {@code pattern}, restricted by {@code limit} (null for none), in Ansible's order.
     * Pattern errors are {@link io.rmqfleet.controller.input.InputException}s at {@code where}.
     */
    List<String> select(String pattern, String limit, SourceLocation where);

    /** The host's variables after inventory precedence (group_vars, host_vars, inline vars). */
    Map<String, Object> hostVars(String host);

    /** Ansible's {@code group_names} for the host. */
    List<String> groupNames(String host);

    /** Ansible's {@code groups}: every group to its hosts. */
    Map<String, List<String>> groups();

    /** Whether the inventory (or Ansible's implicit localhost) knows this host. */
    boolean hasHost(String host);
}

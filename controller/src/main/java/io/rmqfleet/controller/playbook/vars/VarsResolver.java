package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.model.Role;
import io.rmqfleet.controller.playbook.model.RoleUse;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes, lazily, the variables a host sees in a play, with Ansible's precedence (lowest first):
 * role defaults &lt; inventory vars &lt; facts &lt; play vars &lt; vars_files &lt; role vars &lt; block vars &lt;
 * task vars &lt; set_fact/registered &lt; role params &lt; extra vars, with the magic variables
 * ({@code inventory_hostname}, {@code hostvars}, {@code groups}, {@code group_names}, {@code ansible_play_hosts},
 * {@code role_path}, ...) on top. Nothing is copied: each view walks the layers, and values holding templates
 * are rendered when a template reads them. Thread-safe; the executor creates one per play with its
 * {@link RuntimeVars}.
 */
public final class VarsResolver {

    private final InventoryView inventory;
    private final PlayVars play;
    private final RuntimeVars runtime;
    private final Templar templar;
    private final List<String> playHosts;
    private final boolean checkMode;
    private final Map<String, Map<String, Object>> inventoryVarsCache = new ConcurrentHashMap<>();
    private final Map<Role, Map<String, Object>> roleDefaultsCache = new ConcurrentHashMap<>();
    private final Map<Role, Map<String, Object>> roleVarsCache = new ConcurrentHashMap<>();
    private final Map<String, Object> hostvars;

    public VarsResolver(InventoryView inventory, PlayVars play, RuntimeVars runtime, Templar templar,
                        List<String> playHosts, boolean checkMode) {
        this.inventory = inventory;
        this.play = play;
        this.runtime = runtime;
        this.templar = templar;
        this.playHosts = List.copyOf(playHosts);
        this.checkMode = checkMode;
        this.hostvars = new LazyVarsMap(this::knownHosts, inventory::hasHost,
            host -> LazyVarsMap.of(forHost(host), templar));
    }

    public Templar templar() {
        return templar;
    }

    /** The play-level view of a host: what {@code hostvars[host]} shows, and what play keywords see. */
    public Vars forHost(String host) {
        return view(host, null);
    }

    /** Everything a task sees on a host (its role, blocks and own vars included). */
    public Vars forTask(String host, Task task) {
        return view(host, task);
    }

    /** The layers plus {@code vars}, Ansible's map of everything visible (and the way to reach a variable
     *  whose name is a reserved word of jinjava's expression language, like {@code vars['mod']}). */
    private Vars view(String host, Task task) {
        List<Map<String, ?>> layers = layers(host, task);
        LayeredVars view = new LayeredVars(layers);
        @SuppressWarnings("unchecked")
        Map<String, Object> magic = (Map<String, Object>) layers.get(0);
        magic.put("vars", LazyVarsMap.of(view, templar));
        return view;
    }

    /** A task's view with the current loop item ({@code item} or its loop_var, index_var, ansible_loop_var). */
    public static Vars withLoopItem(Vars taskVars, Loop loop, Object item, int index) {
        Map<String, Object> top = new HashMap<>();
        top.put(loop.loopVar(), item);
        top.put("ansible_loop_var", loop.loopVar());
        if (loop.indexVar() != null) {
            top.put(loop.indexVar(), index);
            top.put("ansible_index_var", loop.indexVar());
        }
        return taskVars.with(top);
    }

    private List<Map<String, ?>> layers(String host, Task task) {
        RoleUse role = task == null ? null : task.role();
        List<Map<String, ?>> highestFirst = new ArrayList<>(12);
        highestFirst.add(magic(host, role));
        highestFirst.add(play.extraVars());
        if (role != null) {
            highestFirst.add(role.params());
        }
        highestFirst.add(runtime.hostVars(host));
        if (task != null) {
            List<Map<String, Object>> scopes = task.varScopes();
            for (int i = scopes.size() - 1; i >= 0; i--) {
                highestFirst.add(scopes.get(i));
            }
        }
        highestFirst.add(role == null ? play.allRoleVars() : roleVars(role.role()));
        highestFirst.add(play.varsFiles());
        highestFirst.add(play.playVars());
        highestFirst.add(factsLayer(host));
        highestFirst.add(inventoryVars(host));
        highestFirst.add(role == null ? play.allRoleDefaults() : roleDefaults(role.role()));
        return highestFirst;
    }

    private Map<String, Object> inventoryVars(String host) {
        return inventoryVarsCache.computeIfAbsent(host,
            h -> inventory.hasHost(h) ? inventory.hostVars(h) : Map.of());
    }

    /** The play's roles' defaults with the task's own role on top (its defaults win over other roles'). */
    private Map<String, Object> roleDefaults(Role role) {
        return roleDefaultsCache.computeIfAbsent(role, r -> overlay(play.allRoleDefaults(), r.defaults()));
    }

    private Map<String, Object> roleVars(Role role) {
        return roleVarsCache.computeIfAbsent(role, r -> overlay(play.allRoleVars(), r.vars()));
    }

    private static Map<String, Object> overlay(Map<String, Object> base, Map<String, Object> top) {
        if (top.isEmpty()) {
            return base;
        }
        Map<String, Object> m = new LinkedHashMap<>(base);
        m.putAll(top);
        return m;
    }

    private Map<String, Object> factsLayer(String host) {
        Map<String, Object> facts = runtime.facts(host);
        if (facts.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> layer = new HashMap<>();
        facts.forEach((k, v) -> layer.put("ansible_" + k, v));
        layer.put("ansible_facts", facts);
        return layer;
    }

    private Map<String, Object> magic(String host, RoleUse role) {
        Map<String, Object> m = new HashMap<>();
        m.put("inventory_hostname", host);
        m.put("inventory_hostname_short", host.split("\\.", -1)[0]);
        m.put("group_names", new LazyList(() -> inventory.groupNames(host)));
        m.put("groups", inventory.groups());
        m.put("hostvars", hostvars);
        List<String> active = runtime.playHosts() != null ? runtime.playHosts() : playHosts;
        List<String> batch = runtime.playBatch() != null ? runtime.playBatch() : active;
        m.put("ansible_play_hosts", active);
        m.put("ansible_play_batch", batch);
        m.put("play_hosts", batch);
        m.put("ansible_play_hosts_all", runtime.playHostsAll() != null ? runtime.playHostsAll() : playHosts);
        m.put("playbook_dir", play.playbookDir().toAbsolutePath().normalize().toString());
        m.put("ansible_check_mode", checkMode);
        m.put("omit", Templar.OMIT);
        if (role != null) {
            m.put("role_name", role.name());
            m.put("role_path", role.role().path().toAbsolutePath().normalize().toString());
        }
        return m;
    }

    private Set<String> knownHosts() {
        Set<String> all = new LinkedHashSet<>();
        inventory.groups().values().forEach(all::addAll);
        return all;
    }

    /** {@code group_names} computed only if a template reads it. */
    private static final class LazyList extends java.util.AbstractList<String> {
        private final java.util.function.Supplier<List<String>> source;
        private volatile List<String> value;

        LazyList(java.util.function.Supplier<List<String>> source) {
            this.source = source;
        }

        private List<String> value() {
            List<String> v = value;
            if (v == null) {
                v = source.get();
                value = v;
            }
            return v;
        }

        @Override
        public String get(int index) {
            return value().get(index);
        }

        @Override
        public int size() {
            return value().size();
        }
    }
}

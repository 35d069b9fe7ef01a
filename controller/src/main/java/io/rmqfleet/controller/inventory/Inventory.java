package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Ansible-compatible inventory: hosts, groups and variables read from INI, YAML or JSON inventory files,
 * directories of them and host lists, plus {@code group_vars/} and {@code host_vars/} beside each source, with
 * Ansible's precedence and host patterns. Immutable once loaded; reading files is the only I/O.
 */
public final class Inventory {
    /** Names Ansible treats as the local machine (C.LOCALHOST). */
    private static final Set<String> LOCALHOST = Set.of("127.0.0.1", "localhost", "::1");

    private final Map<String, Group> groups;
    private final Map<String, Host> hosts;
    private final List<String> sources;
    private final List<String> warnings;
    private final VariablePrecedence precedence;
    private final Map<String, List<String>> groupHostsCache = new HashMap<>();
    private final Map<String, Host> implicitHosts = new HashMap<>();
    private final HostSelector selector;

    private Inventory(Map<String, Group> groups, Map<String, Host> hosts, List<String> sources, List<String> warnings,
                      VariablePrecedence precedence) {
        this.groups = groups;
        this.hosts = hosts;
        this.sources = sources;
        this.warnings = warnings;
        this.precedence = precedence;
        this.selector = new HostSelector(this);
    }

    /** Loads inventory files or directories, merged in order (like several {@code -i}). */
    public static Inventory load(List<Path> sources) {
        return loadSources(sources.stream().map(Path::toString).toList());
    }

    /** Like {@link #load} but each source may also be a host list such as {@code "web1,web2:2222,"}. */
    public static Inventory loadSources(List<String> sources) {
        List<String> warnings = new ArrayList<>();
        InventoryBuilder builder = new InventoryBuilder(warnings::add);
        InventoryLoader loader = new InventoryLoader(builder);
        List<Path> basedirs = new ArrayList<>();
        for (String source : sources) {
            loader.loadSource(source);
            Path basedir = InventoryLoader.varsBasedir(source);
            if (basedir != null) {
                basedirs.add(basedir);
            }
        }
        builder.reconcile();
        VarsDirectories varsFiles = new VarsDirectories(warnings::add);
        return freeze(builder, List.copyOf(sources), warnings, new VariablePrecedence(basedirs, varsFiles));
    }

    private static Inventory freeze(InventoryBuilder builder, List<String> sources, List<String> warnings,
                                    VariablePrecedence precedence) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (MutableGroup g : builder.groups.values()) {
            groups.put(g.name, new Group(g.name,
                List.copyOf(g.hosts.stream().map(h -> h.name).toList()),
                List.copyOf(g.children.stream().map(c -> c.name).toList()),
                List.copyOf(g.parents.stream().map(p -> p.name).toList()),
                Collections.unmodifiableMap(new LinkedHashMap<>(g.vars)), g.depth, g.priority));
        }
        Group all = groups.get("all");
        Map<String, Host> hosts = new LinkedHashMap<>();
        Map<String, Set<String>> ancestry = new HashMap<>();
        for (MutableHost h : builder.hosts.values()) {
            List<Group> hostGroups = new ArrayList<>();
            for (String name : groupNamesWithAncestors(h, groups, ancestry)) {
                if (!name.equals("all")) {
                    hostGroups.add(groups.get(name));
                }
            }
            Map<String, Object> merged = precedence.hostVars(h.name, h.vars, all, hostGroups);
            hosts.put(h.name, new Host(h.name, Collections.unmodifiableMap(new LinkedHashMap<>(h.vars)),
                Collections.unmodifiableMap(merged), h.inventoryFile, false));
        }
        return new Inventory(Collections.unmodifiableMap(groups), Collections.unmodifiableMap(hosts), sources,
            Collections.unmodifiableList(warnings), precedence);
    }

    /** The host's groups with all their ancestors; each group's ancestry is computed once. */
    private static Set<String> groupNamesWithAncestors(MutableHost host, Map<String, Group> groups,
                                                       Map<String, Set<String>> ancestry) {
        Set<String> names = new LinkedHashSet<>();
        for (MutableGroup g : host.groups) {
            names.addAll(ancestry.computeIfAbsent(g.name, n -> {
                Set<String> self = new LinkedHashSet<>();
                List<String> todo = new ArrayList<>(List.of(n));
                while (!todo.isEmpty()) {
                    String name = todo.remove(todo.size() - 1);
                    if (self.add(name)) {
                        todo.addAll(groups.get(name).parents());
                    }
                }
                return self;
            }));
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------ queries

    /** All hosts in the order they were first read (not pattern order: use {@code select("all")} for that). */
    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** Whether the inventory has this host, or it is a localhost name Ansible resolves implicitly. */
    public boolean hasHost(String name) {
        return hosts.containsKey(name) || implicitLocalhost(name).isPresent();
    }

    /** All groups by name, in the order they were first read; includes {@code all} and {@code ungrouped}. */
    public Map<String, Group> groups() {
        return groups;
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    /** Non-fatal findings (duplicate YAML keys, skipped entries, ...), worded like Ansible's warnings. */
    public List<String> warnings() {
        return warnings;
    }

    /** The sources as given to {@link #loadSources}. */
    public List<String> sources() {
        return sources;
    }

    /**
     * Hosts matching an Ansible host pattern, in Ansible's order ({@code all}, {@code *}, globs, {@code ~regex},
     * {@code a:b}, {@code a,b}, {@code a:&b}, {@code a:!b}, {@code g[0]}, {@code g[1:3]}, {@code g[-1]}).
     * An unknown name matches nothing; {@code localhost} matches the implicit local host when not in the inventory.
     *
     * @throws io.rmqfleet.controller.input.InputException for an invalid pattern (bad regex, subscript out of range)
     */
    public List<Host> select(String pattern) {
        return selector.select(pattern, null, SourceLocation.commandLine("host pattern '" + pattern + "'"));
    }

    /** {@link #select(String)} further restricted by a {@code --limit} (see {@link Limit}). */
    public List<Host> select(String pattern, Limit limit) {
        return selector.select(pattern, limit, SourceLocation.commandLine("host pattern '" + pattern + "'"));
    }

    /** As {@link #select(String, Limit)}, reporting pattern errors at {@code where} (e.g. a play's hosts line). */
    public List<Host> select(String pattern, Limit limit, SourceLocation where) {
        return selector.select(pattern, limit, where);
    }

    /** The host's variables after precedence, as {@code ansible-inventory --host NAME} prints them. */
    public Map<String, Object> hostVars(String hostName) {
        Host host = hosts.get(hostName);
        if (host == null) {
            host = implicitLocalhost(hostName).filter(h -> h.name().equals(hostName))
                .orElseThrow(() -> new IllegalArgumentException("unknown host: " + hostName));
        }
        return host.mergedVars();
    }

    /** A group's own variables plus its group_vars/ files (what {@code --graph --vars} shows). */
    public Map<String, Object> groupVars(String groupName) {
        Group group = groups.get(groupName);
        if (group == null) {
            throw new IllegalArgumentException("unknown group: " + groupName);
        }
        return Collections.unmodifiableMap(precedence.groupVars(group));
    }

    /**
     * Ansible's {@code group_names}: every group the host belongs to (directly or through child groups), sorted,
     * without {@code all}. Like Ansible it does contain {@code ungrouped} for a host in no other group.
     */
    public List<String> groupNames(String hostName) {
        if (!hosts.containsKey(hostName)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Group g : groups.values()) {
            if (!g.name().equals("all") && groupHosts(g.name()).contains(hostName)) {
                names.add(g.name());
            }
        }
        names.sort(PyStrings::compare);
        return names;
    }

    /** Ansible's {@code groups} magic variable: every group (with all and ungrouped) to its hosts, in pattern order. */
    public Map<String, List<String>> groupsMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : groups.keySet()) {
            map.put(name, groupHosts(name));
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The per-host magic variables Ansible derives from the inventory: inventory_hostname, inventory_hostname_short,
     * group_names, groups, inventory_file, inventory_dir.
     */
    public Map<String, Object> magicVars(String hostName) {
        Host host = hosts.get(hostName);
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("inventory_hostname", hostName);
        vars.put("inventory_hostname_short", HostAddress.isIpAddress(hostName) ? hostName : hostName.split("\\.", -1)[0]);
        vars.put("group_names", groupNames(hostName));
        vars.put("groups", groupsMap());
        String file = host == null ? null : host.inventoryFile();
        vars.put("inventory_file", file);
        vars.put("inventory_dir", file == null ? null : String.valueOf(Path.of(file).getParent()));
        return Collections.unmodifiableMap(vars);
    }

    /**
     * All hosts of a group and its descendants in Ansible's order: the group's own hosts, then its children's,
     * level by level (Group.get_hosts). Unknown group: empty.
     */
    public List<String> groupHosts(String groupName) {
        synchronized (groupHostsCache) {
            List<String> cached = groupHostsCache.get(groupName);
            if (cached == null) {
                cached = computeGroupHosts(groupName);
                groupHostsCache.put(groupName, cached);
            }
            return cached;
        }
    }

    private List<String> computeGroupHosts(String groupName) {
        Group start = groups.get(groupName);
        if (start == null) {
            return List.of();
        }
        List<Group> ordered = new ArrayList<>();
        ordered.add(start);
        start.children().forEach(c -> ordered.add(groups.get(c)));
        Set<String> seen = new LinkedHashSet<>();
        seen.add(start.name());
        seen.addAll(start.children());
        List<Group> level = new ArrayList<>(ordered.subList(1, ordered.size()));
        while (!level.isEmpty()) {
            List<Group> next = new ArrayList<>();
            for (Group g : level) {
                for (String child : g.children()) {
                    if (seen.add(child)) {
                        next.add(groups.get(child));
                    }
                }
            }
            ordered.addAll(next);
            level = next;
        }
        Set<String> result = new LinkedHashSet<>();
        for (Group g : ordered) {
            result.addAll(g.hosts());
        }
        return List.copyOf(result);
    }

    /**
     * What a pattern naming localhost/127.0.0.1/::1 resolves to when no host has that name: the inventory's first
     * localhost-like host if any, else Ansible's implicit localhost (one object per inventory: the name of the
     * first request sticks, as in Ansible).
     */
    Optional<Host> implicitLocalhost(String name) {
        if (!LOCALHOST.contains(name) || hosts.containsKey(name)) {
            return Optional.empty();
        }
        for (Host h : hosts.values()) {
            if (LOCALHOST.contains(h.name())) {
                return Optional.of(h);
            }
        }
        synchronized (implicitHosts) {
            if (implicitHosts.isEmpty()) {
                Map<String, Object> own = new LinkedHashMap<>();
                own.put("ansible_connection", "local");
                Map<String, Object> merged = precedence.hostVars(name, own, groups.get("all"), List.of());
                implicitHosts.put(name, new Host(name, Collections.unmodifiableMap(own), Collections.unmodifiableMap(merged),
                    null, true));
            }
            return Optional.of(implicitHosts.values().iterator().next());
        }
    }

    Map<String, Host> hostMap() {
        return hosts;
    }
}

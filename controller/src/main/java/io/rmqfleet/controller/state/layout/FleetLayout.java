package io.rmqfleet.controller.state.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the inventory says the fleet looks like: the RocketMQ topology and the containers expected on every host.
 * Several inventory hosts may name the same machine (same {@code ansible_host}, e.g. two brokers with different
 * listen ports); one agent reports for the whole machine, so drift is judged per {@link Machine}.
 */
public final class FleetLayout {
    private final List<NameServerSpec> nameServers;
    private final List<BrokerSpec> brokers;
    private final List<DashboardSpec> dashboards;
    private final Map<String, Machine> machines;
    private final Map<String, Machine> machineByHost;
    private final List<String> warnings;

    /**
     * The containers expected on one machine.
     *
     * @param address   the machine's address (ansible_host)
     * @param hosts     the inventory hosts on it, in inventory order; any of them may be the agent's {@code --host}
     * @param expected  every container expected there
     */
    public record Machine(String address, List<String> hosts, List<ExpectedContainer> expected) {
        public Machine {
            hosts = List.copyOf(hosts);
            expected = List.copyOf(expected);
        }
    }

    FleetLayout(List<NameServerSpec> nameServers, List<BrokerSpec> brokers, List<DashboardSpec> dashboards,
                Map<String, Machine> machines, List<String> warnings) {
        this.nameServers = List.copyOf(nameServers);
        this.brokers = List.copyOf(brokers);
        this.dashboards = List.copyOf(dashboards);
        this.machines = Map.copyOf(machines);
        Map<String, Machine> byHost = new LinkedHashMap<>();
        machines.values().forEach(m -> m.hosts().forEach(h -> byHost.put(h, m)));
        this.machineByHost = byHost;
        this.warnings = List.copyOf(warnings);
    }

    public static FleetLayout empty() {
        return new FleetLayout(List.of(), List.of(), List.of(), Map.of(), List.of());
    }

    /**
     * Builds the layout from specs (the reader and tests use this): expected containers follow
     * {@link ContainerNames}, one agent per machine.
     */
    public static FleetLayout of(List<NameServerSpec> nameServers, List<BrokerSpec> brokers,
                                 List<DashboardSpec> dashboards, Map<String, String> otherHostAddresses,
                                 List<String> warnings) {
        Map<String, List<String>> hostsByAddress = new LinkedHashMap<>();
        Map<String, List<ExpectedContainer>> expectedByAddress = new LinkedHashMap<>();
        for (NameServerSpec ns : nameServers) {
            add(hostsByAddress, expectedByAddress, ns.address(), ns.host(),
                    new ExpectedContainer(ns.host(), ContainerNames.NAMESRV, ContainerRole.NAMESRV,
                            List.of(ns.port()), null));
        }
        for (BrokerSpec b : brokers) {
            add(hostsByAddress, expectedByAddress, b.address(), b.host(),
                    new ExpectedContainer(b.host(), b.containerName(), ContainerRole.BROKER,
                            List.of(b.listenPort(), b.listenPort() - 2, b.listenPort() + 1), null));
        }
        for (DashboardSpec d : dashboards) {
            add(hostsByAddress, expectedByAddress, d.address(), d.host(),
                    new ExpectedContainer(d.host(), ContainerNames.DASHBOARD, ContainerRole.DASHBOARD,
                            List.of(d.port()), null));
        }
        otherHostAddresses.forEach((host, address) -> add(hostsByAddress, expectedByAddress, address, host, null));
        Map<String, Machine> machines = new LinkedHashMap<>();
        hostsByAddress.forEach((address, hosts) -> {
            List<ExpectedContainer> expected = new ArrayList<>(expectedByAddress.get(address));
            expected.add(new ExpectedContainer(hosts.get(0), ContainerNames.AGENT, ContainerRole.AGENT, List.of(),
                    null));
            machines.put(address, new Machine(address, hosts, expected));
        });
        return new FleetLayout(nameServers, brokers, dashboards, machines, warnings);
    }

    private static void add(Map<String, List<String>> hostsByAddress, Map<String, List<ExpectedContainer>> expected,
                            String address, String host, ExpectedContainer container) {
        List<String> hosts = hostsByAddress.computeIfAbsent(address, a -> new ArrayList<>());
        if (!hosts.contains(host)) {
            hosts.add(host);
        }
        List<ExpectedContainer> list = expected.computeIfAbsent(address, a -> new ArrayList<>());
        if (container != null && list.stream().noneMatch(c -> c.name().equals(container.name()))) {
            list.add(container);
        }
    }

    /**
     * This layout with the spec hashes the last applies gave containers, keyed {@code host/container}
     * (the owner inventory host and the container name).
     */
    public FleetLayout withSpecHashes(Map<String, String> hashes) {
        if (hashes.isEmpty()) {
            return this;
        }
        Map<String, Machine> updated = new LinkedHashMap<>();
        machines.forEach((address, m) -> updated.put(address, new Machine(address, m.hosts(), m.expected().stream()
                .map(c -> {
                    String hash = hashes.get(c.owner() + "/" + c.name());
                    if (hash == null) {
                        // The agent container belongs to the machine, whichever inventory host deployed it.
                        hash = m.hosts().stream().map(h -> hashes.get(h + "/" + c.name())).filter(x -> x != null)
                                .findFirst().orElse(null);
                    }
                    return hash == null ? c : c.withSpecHash(hash);
                }).toList())));
        return new FleetLayout(nameServers, brokers, dashboards, updated, warnings);
    }

    public List<NameServerSpec> nameServers() {
        return nameServers;
    }

    public List<BrokerSpec> brokers() {
        return brokers;
    }

    public List<DashboardSpec> dashboards() {
        return dashboards;
    }

    public Collection<Machine> machines() {
        return machines.values();
    }

    /** Every inventory host of the fleet. */
    public List<String> hosts() {
        return List.copyOf(machineByHost.keySet());
    }

    public Machine machineOf(String host) {
        return machineByHost.get(host);
    }

    /** Problems found while reading the inventory (the layout still holds whatever could be read). */
    public List<String> warnings() {
        return warnings;
    }

    /** The cluster names, in inventory order. */
    public List<String> clusterNames() {
        return brokers.stream().map(BrokerSpec::clusterName).distinct().toList();
    }
}

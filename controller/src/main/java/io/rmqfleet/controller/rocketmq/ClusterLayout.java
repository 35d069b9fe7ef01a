package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The RocketMQ cluster an inventory describes: NameServers (group {@code namesrv}), brokers ({@code broker}) and
 * dashboards ({@code dashboard}), with every default applied and every derived value (ports, addresses) computed.
 * See docs/cluster-inventory.md.
 *
 * @param locations where each host is declared, for error messages
 * @param origin    where cluster-wide problems are reported (the inventory itself)
 */
public record ClusterLayout(List<NameServerNode> nameServers, List<BrokerNode> brokers, List<DashboardNode> dashboards,
                            Map<String, SourceLocation> locations, SourceLocation origin) {

    public ClusterLayout {
        nameServers = List.copyOf(nameServers);
        brokers = List.copyOf(brokers);
        dashboards = List.copyOf(dashboards);
        locations = Map.copyOf(locations);
    }

    /** A layout built in code (tests, tools): locations fall back to the host names. */
    public static ClusterLayout of(List<NameServerNode> nameServers, List<BrokerNode> brokers, List<DashboardNode> dashboards) {
        return new ClusterLayout(nameServers, brokers, dashboards, Map.of(), SourceLocation.commandLine("inventory"));
    }

    /**
     * Reads and validates the layout: every problem of the inventory is reported at once.
     *
     * @throws InvalidLayoutException listing all problems (exit code 4)
     */
    public static ClusterLayout from(Inventory inventory) {
        LayoutReader.Result read = new LayoutReader(inventory).read();
        List<LayoutProblem> problems = new ArrayList<>(read.problems());
        problems.addAll(LayoutValidator.validate(read.layout()));
        if (!problems.isEmpty()) {
            throw new InvalidLayoutException(problems);
        }
        return read.layout();
    }

    /** The namesrvAddr every broker and client gets: all NameServers, ';'-separated. */
    public String namesrvAddr() {
        return nameServers.stream().map(NameServerNode::address).distinct().collect(Collectors.joining(";"));
    }

    public List<BrokerNode> masters() {
        return brokers.stream().filter(BrokerNode::isMaster).toList();
    }

    public List<BrokerNode> slaves() {
        return brokers.stream().filter(b -> !b.isMaster()).toList();
    }

    /** The master (id 0) with the slave's brokerName. */
    public Optional<BrokerNode> masterOf(BrokerNode slave) {
        return brokers.stream().filter(b -> b.isMaster() && b.brokerName().equals(slave.brokerName())).findFirst();
    }

    public Set<String> clusterNames() {
        return brokers.stream().map(BrokerNode::clusterName).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public SourceLocation locationOf(String host) {
        return locations.getOrDefault(host, SourceLocation.commandLine("host " + host));
    }
}

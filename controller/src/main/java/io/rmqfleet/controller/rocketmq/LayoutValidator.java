package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rules a layout must follow before anything is deployed: one master per brokerName, slaves with id &gt; 0 and
 * role SLAVE, unique ids, no two processes on one port of a machine (counting the fast-channel and HA ports),
 * brokerIP1/brokerIP2 that belong to the broker's machine, and at least one NameServer. Pure: the facts-based
 * address check happens in the playbook's preflight.
 */
public final class LayoutValidator {

    private LayoutValidator() {
    }

    /** Every rule broken, in a stable order (empty when the layout is valid). */
    public static List<LayoutProblem> validate(ClusterLayout layout) {
        List<LayoutProblem> problems = new ArrayList<>();
        if (layout.nameServers().isEmpty()) {
            problems.add(new LayoutProblem(layout.origin(),
                "no NameServer: put at least one host into the group '" + ClusterDefaults.NAMESRV_GROUP + "'"));
        }
        masterSlaveRules(layout, problems);
        portCollisions(layout, problems);
        brokerAddresses(layout, problems);
        return problems;
    }

    private static void masterSlaveRules(ClusterLayout layout, List<LayoutProblem> problems) {
        Map<String, List<BrokerNode>> byName = new LinkedHashMap<>();
        for (BrokerNode b : layout.brokers()) {
            byName.computeIfAbsent(b.brokerName(), n -> new ArrayList<>()).add(b);
            if (b.isMaster() && !b.role().isMaster()) {
                problems.add(at(layout, b, "broker_id 0 makes " + b.label() + " the master, but broker_role is SLAVE"
                    + " (use ASYNC_MASTER or SYNC_MASTER, or give the slave an id > 0)"));
            }
            if (!b.isMaster() && b.role().isMaster()) {
                problems.add(at(layout, b, b.label() + " is a slave (broker_id " + b.brokerId() + " > 0) but broker_role is "
                    + b.role() + ": slaves need SLAVE"));
            }
        }
        byName.forEach((name, members) -> {
            List<BrokerNode> masters = members.stream().filter(BrokerNode::isMaster).toList();
            if (masters.isEmpty()) {
                problems.add(at(layout, members.get(0), "brokerName " + name + " has no master: none of "
                    + hosts(members) + " has broker_id 0"));
            } else if (masters.size() > 1) {
                problems.add(at(layout, masters.get(1), "brokerName " + name + " has " + masters.size()
                    + " masters (broker_id 0): " + hosts(masters) + "; exactly one is allowed"));
            }
            Map<Long, BrokerNode> byId = new HashMap<>();
            for (BrokerNode b : members) {
                BrokerNode earlier = byId.putIfAbsent(b.brokerId(), b);
                if (earlier != null && b.brokerId() != 0) {
                    problems.add(at(layout, b, "broker_id " + b.brokerId() + " of brokerName " + name + " is used by both "
                        + earlier.host() + " and " + b.host() + ": ids must be unique per brokerName"));
                }
            }
            List<String> clusters = members.stream().map(BrokerNode::clusterName).distinct().toList();
            if (clusters.size() > 1) {
                problems.add(at(layout, members.get(0), "brokerName " + name + " is in several clusters "
                    + clusters + " (" + hosts(members) + "): a master and its slaves share one rocketmq_cluster_name"));
            }
        });
    }

    /** One problem per pair of hosts, naming every port they both need (equal listen ports clash three times). */
    private static void portCollisions(ClusterLayout layout, List<LayoutProblem> problems) {
        Map<String, PortClaim> taken = new HashMap<>();
        Map<List<String>, List<String>> clashesByPair = new LinkedHashMap<>();
        for (PortClaim claim : PortClaim.of(layout)) {
            PortClaim earlier = taken.putIfAbsent(claim.machine() + "\n" + claim.port(), claim);
            if (earlier != null) {
                clashesByPair.computeIfAbsent(List.of(earlier.host(), claim.host(), claim.machine()), k -> new ArrayList<>())
                    .add("port " + claim.port() + " on " + claim.machine() + " is needed twice: " + earlier.purpose()
                        + " (" + earlier.host() + ") and " + claim.purpose() + " (" + claim.host() + ")");
            }
        }
        clashesByPair.forEach((pair, clashes) -> {
            String first = pair.get(0);
            String second = pair.get(1);
            String who = first.equals(second) ? "host " + second + " uses it twice"
                : "hosts " + first + " and " + second + " share ansible_host " + pair.get(2);
            problems.add(new LayoutProblem(layout.locationOf(second), String.join("; ", clashes) + "; " + who
                + ": give brokers on one machine listen_port values at least 4 apart (each uses listen_port-2,"
                + " listen_port, listen_port+1)"));
        });
    }

    private static void brokerAddresses(ClusterLayout layout, List<LayoutProblem> problems) {
        for (BrokerNode b : layout.brokers()) {
            addressOfMachine(layout, b, ClusterDefaults.BROKER_IP1, b.brokerIp1(), problems);
            addressOfMachine(layout, b, ClusterDefaults.BROKER_IP2, b.brokerIp2(), problems);
        }
    }

    private static void addressOfMachine(ClusterLayout layout, BrokerNode b, String var, String address,
                                         List<LayoutProblem> problems) {
        if (!b.knownAddresses().contains(address)) {
            problems.add(at(layout, b, var + " " + address + " of " + b.label() + " is not an address of its machine"
                + " (ansible_host " + b.machine() + (b.knownAddresses().size() > 1 ? ", " + ClusterDefaults.HOST_ADDRESSES
                + " " + b.knownAddresses().subList(1, b.knownAddresses().size()) : "") + "): the broker would advertise an"
                + " address it does not have; list the machine's other addresses in " + ClusterDefaults.HOST_ADDRESSES));
        }
    }

    private static LayoutProblem at(ClusterLayout layout, BrokerNode b, String message) {
        SourceLocation where = layout.locationOf(b.host());
        return new LayoutProblem(where, "host " + b.host() + ": " + message);
    }

    private static String hosts(List<BrokerNode> brokers) {
        return brokers.stream().map(BrokerNode::host).collect(Collectors.joining(", "));
    }
}

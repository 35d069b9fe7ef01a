package io.rmqfleet.controller.rocketmq;

import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_ID;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_IP1;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_IP2;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_NAME;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_ROLE;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.CLUSTER_NAME;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.DASHBOARD_PORT;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.FLUSH_DISK_TYPE;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.HOST_ADDRESSES;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.LISTEN_PORT;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.NAMESRV_PORT;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the RocketMQ groups and variables of an inventory into a {@link ClusterLayout}. Hosts whose variables
 * cannot be read are reported and left out, so the validator does not pile follow-up errors on them.
 */
final class LayoutReader {
    private final Inventory inventory;
    private final HostLocator locator = new HostLocator();
    /** Problems in order of discovery; a set because group_vars repeat the same mistake on every host. */
    private final Set<LayoutProblem> problems = new LinkedHashSet<>();
    private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

    LayoutReader(Inventory inventory) {
        this.inventory = inventory;
    }

    record Result(ClusterLayout layout, List<LayoutProblem> problems) {
    }

    Result read() {
        List<NameServerNode> nameServers = new ArrayList<>();
        List<BrokerNode> brokers = new ArrayList<>();
        List<DashboardNode> dashboards = new ArrayList<>();
        Set<String> checkedClusterVars = new LinkedHashSet<>();
        for (String name : inventory.groupHosts(ClusterDefaults.NAMESRV_GROUP)) {
            HostVarReader vars = vars(name, checkedClusterVars);
            int port = vars.port(NAMESRV_PORT, ClusterDefaults.DEFAULT_NAMESRV_PORT);
            machine(name, vars).filter(m -> !vars.hasProblems())
                .ifPresent(machine -> nameServers.add(new NameServerNode(name, machine, port)));
        }
        for (String name : inventory.groupHosts(ClusterDefaults.BROKER_GROUP)) {
            broker(name, vars(name, checkedClusterVars)).ifPresent(brokers::add);
        }
        for (String name : inventory.groupHosts(ClusterDefaults.DASHBOARD_GROUP)) {
            HostVarReader vars = vars(name, checkedClusterVars);
            int port = vars.port(DASHBOARD_PORT, ClusterDefaults.DEFAULT_DASHBOARD_PORT);
            DashboardLogin login = dashboardLogin(vars);
            machine(name, vars).filter(m -> !vars.hasProblems())
                .ifPresent(machine -> dashboards.add(new DashboardNode(name, machine, port, login)));
        }
        ClusterLayout layout = new ClusterLayout(nameServers, brokers, dashboards, locations, origin());
        return new Result(layout, List.copyOf(problems));
    }

    /** The login verify uses on the dashboard: both variables set, or none. */
    private static DashboardLogin dashboardLogin(HostVarReader vars) {
        Optional<String> user = vars.text(ClusterDefaults.DASHBOARD_USERNAME);
        Optional<String> password = vars.text(ClusterDefaults.DASHBOARD_PASSWORD);
        if (user.isPresent() != password.isPresent()) {
            vars.problem("set both " + ClusterDefaults.DASHBOARD_USERNAME + " and " + ClusterDefaults.DASHBOARD_PASSWORD
                + ", or neither (the dashboard's login)");
            return null;
        }
        return user.map(u -> new DashboardLogin(u, password.get())).orElse(null);
    }

    /** A reader for one host; the cluster-wide variables are checked once per host, whatever its groups. */
    private HostVarReader vars(String name, Set<String> checkedClusterVars) {
        Host host = inventory.host(name).orElseThrow();
        SourceLocation where = locations.computeIfAbsent(name, n -> locator.locate(host));
        HostVarReader vars = new HostVarReader(name, host.mergedVars(), where, problems);
        if (checkedClusterVars.add(name)) {
            // Checked on a throw-away reader: a bad cluster variable must not drop the host from the layout.
            ClusterVarsCheck.check(new HostVarReader(name, host.mergedVars(), where, problems));
        }
        return vars;
    }

    private Optional<String> machine(String name, HostVarReader vars) {
        try {
            return Optional.of(inventory.host(name).orElseThrow().ansibleHost());
        } catch (RuntimeException e) {
            vars.problem("ansible_host cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<BrokerNode> broker(String name, HostVarReader vars) {
        Optional<String> machine = machine(name, vars);
        String clusterName = vars.text(CLUSTER_NAME, ClusterDefaults.DEFAULT_CLUSTER_NAME);
        Optional<String> brokerName = vars.requiredText(BROKER_NAME);
        brokerName.ifPresent(b -> {
            if (!ClusterVarsCheck.RESOURCE_NAME.matcher(b).matches()) {
                vars.problem(BROKER_NAME + " must be letters, digits, '-' or '_', got '" + b + "'");
            }
        });
        Optional<Long> brokerId = vars.requiredInteger(BROKER_ID, 0, Long.MAX_VALUE);
        Optional<BrokerRole> role = vars.enumValue(BROKER_ROLE, BrokerRole.class);
        FlushDiskType flush = vars.enumValue(FLUSH_DISK_TYPE, FlushDiskType.class)
            .orElse(ClusterDefaults.DEFAULT_FLUSH_DISK_TYPE);
        // listenPort-2 and listenPort+1 must be valid ports too.
        int listenPort = (int) vars.integer(LISTEN_PORT, ClusterDefaults.DEFAULT_LISTEN_PORT,
            1 - ClusterDefaults.FAST_PORT_OFFSET, 65535 - ClusterDefaults.HA_PORT_OFFSET);
        List<String> extraAddresses = vars.list(HOST_ADDRESSES);
        Optional<String> ip1 = vars.text(BROKER_IP1).filter(s -> !s.isEmpty());
        Optional<String> ip2 = vars.text(BROKER_IP2).filter(s -> !s.isEmpty());
        if (vars.hasProblems() || machine.isEmpty()) {
            return Optional.empty();
        }
        String brokerIp1 = ip1.orElse(machine.get());
        // As RocketMQ (and the broker role's template): brokerIP2 follows brokerIP1 unless set.
        String brokerIp2 = ip2.orElse(brokerIp1);
        List<String> known = new ArrayList<>();
        known.add(machine.get());
        extraAddresses.stream().filter(a -> !known.contains(a)).forEach(known::add);
        // Unset broker_role follows the id: the master replicates asynchronously, the others are slaves.
        BrokerRole brokerRole = role.orElse(brokerId.get() == 0 ? BrokerRole.ASYNC_MASTER : BrokerRole.SLAVE);
        return Optional.of(new BrokerNode(name, machine.get(), clusterName, brokerName.get(), brokerId.get(),
            brokerRole, flush, listenPort, brokerIp1, brokerIp2, known));
    }

    /** Where cluster-wide problems (no NameServer at all) are reported: the first inventory source. */
    private SourceLocation origin() {
        List<String> sources = inventory.sources();
        return SourceLocation.commandLine(sources.isEmpty() ? "inventory" : sources.get(0));
    }
}

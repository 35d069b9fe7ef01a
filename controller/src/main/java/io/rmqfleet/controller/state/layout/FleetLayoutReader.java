package io.rmqfleet.controller.state.layout;

import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.rocketmq.ClusterDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link FleetLayout} from an inventory: groups {@code namesrv}, {@code broker}, {@code dashboard} and
 * {@code agent}; per broker {@code broker_name}, {@code broker_id}, {@code broker_role}, {@code listen_port};
 * {@code namesrv_port}, {@code dashboard_port}, {@code rocketmq_cluster_name}; addresses from {@code ansible_host}.
 * The same names the playbook roles and {@code verify} use. Lenient: a missing value becomes a warning and a
 * default, so a controller still watches a fleet whose inventory has a gap.
 */
public final class FleetLayoutReader {
    // The names and defaults are verify's and the roles' (rocketmq.ClusterDefaults): one place.
    static final String NAMESRV_GROUP = ClusterDefaults.NAMESRV_GROUP;
    static final String BROKER_GROUP = ClusterDefaults.BROKER_GROUP;
    static final String DASHBOARD_GROUP = ClusterDefaults.DASHBOARD_GROUP;
    static final String AGENT_GROUP = ClusterDefaults.AGENT_GROUP;
    static final int DEFAULT_NAMESRV_PORT = ClusterDefaults.DEFAULT_NAMESRV_PORT;
    static final int DEFAULT_LISTEN_PORT = ClusterDefaults.DEFAULT_LISTEN_PORT;
    static final int DEFAULT_DASHBOARD_PORT = ClusterDefaults.DEFAULT_DASHBOARD_PORT;
    static final String DEFAULT_CLUSTER = ClusterDefaults.DEFAULT_CLUSTER_NAME;

    private final Inventory inventory;
    private final List<String> warnings = new ArrayList<>();

    private FleetLayoutReader(Inventory inventory) {
        this.inventory = inventory;
    }

    public static FleetLayout read(Inventory inventory) {
        return new FleetLayoutReader(inventory).read();
    }

    private FleetLayout read() {
        List<NameServerSpec> nameServers = new ArrayList<>();
        for (String host : inventory.groupHosts(NAMESRV_GROUP)) {
            Map<String, Object> vars = inventory.hostVars(host);
            nameServers.add(new NameServerSpec(host, address(host),
                    port(host, vars, ClusterDefaults.NAMESRV_PORT, DEFAULT_NAMESRV_PORT)));
        }
        List<BrokerSpec> brokers = new ArrayList<>();
        for (String host : inventory.groupHosts(BROKER_GROUP)) {
            brokers.add(broker(host, inventory.hostVars(host)));
        }
        List<DashboardSpec> dashboards = new ArrayList<>();
        for (String host : inventory.groupHosts(DASHBOARD_GROUP)) {
            dashboards.add(new DashboardSpec(host, address(host),
                    port(host, inventory.hostVars(host), ClusterDefaults.DASHBOARD_PORT, DEFAULT_DASHBOARD_PORT)));
        }
        Map<String, String> agentOnly = new LinkedHashMap<>();
        for (String host : inventory.groupHosts(AGENT_GROUP)) {
            agentOnly.put(host, address(host));
        }
        return FleetLayout.of(nameServers, brokers, dashboards, agentOnly, warnings);
    }

    private BrokerSpec broker(String host, Map<String, Object> vars) {
        String name = text(vars.get(ClusterDefaults.BROKER_NAME));
        if (name == null) {
            warnings.add(host + ": broker_name is not set; using the host name");
            name = host;
        }
        long id = 0;
        Object rawId = vars.get(ClusterDefaults.BROKER_ID);
        if (rawId == null) {
            warnings.add(host + ": broker_id is not set; assuming 0 (master)");
        } else {
            Long parsed = integer(rawId);
            if (parsed == null || parsed < 0) {
                warnings.add(host + ": broker_id is not a number >= 0: " + rawId + "; assuming 0");
            } else {
                id = parsed;
            }
        }
        String role = text(vars.get(ClusterDefaults.BROKER_ROLE));
        if (role == null) {
            role = id == 0 ? "ASYNC_MASTER" : "SLAVE";
        }
        String cluster = text(vars.get(ClusterDefaults.CLUSTER_NAME));
        return new BrokerSpec(host, address(host), cluster == null ? DEFAULT_CLUSTER : cluster, name, id, role,
                port(host, vars, ClusterDefaults.LISTEN_PORT, DEFAULT_LISTEN_PORT));
    }

    private String address(String host) {
        return inventory.host(host).map(Host::ansibleHost).orElse(host);
    }

    private int port(String host, Map<String, Object> vars, String key, int fallback) {
        Object raw = vars.get(key);
        if (raw == null) {
            return fallback;
        }
        Long port = integer(raw);
        if (port == null || port < 1 || port > 65535) {
            warnings.add(host + ": " + key + " is not a port number: " + raw + "; using " + fallback);
            return fallback;
        }
        return port.intValue();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static Long integer(Object value) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

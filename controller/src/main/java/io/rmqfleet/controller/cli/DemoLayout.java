package io.rmqfleet.controller.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's RocketMQ layout on N test hosts, as an Ansible YAML inventory: NameServers on the first two hosts,
 * brokers {@code broker-a} and {@code broker-b} as masters on hosts 1 and 2, each with an async slave on another
 * host. With three hosts both slaves live on host3, the second one as an extra instance ({@code host3-b}, same
 * machine, listen port 11911) in group {@code extra_instances}, which skips machine-level setup (Docker, image).
 * The dashboard runs on the third host (the last one when there are only two), away from the first NameServer.
 * Every machine is in group {@code agent} (aliases are not: one agent per machine).
 * Pure: the caller supplies each host's connection variables. inventory/demo.yml shows the result for 3 hosts.
 */
final class DemoLayout {
    static final int SECOND_INSTANCE_PORT = 11911;
    static final String DASHBOARD_GROUP = "dashboard";

    private DemoLayout() {
    }

    /** @param hosts inventory name → connection variables (ansible_host, ansible_user, key, known_hosts...) */
    static Map<String, Object> inventory(Map<String, Map<String, Object>> hosts) {
        List<String> names = new ArrayList<>(hosts.keySet());
        if (names.size() < 2) {
            throw new IllegalArgumentException("the demo needs at least 2 hosts, got " + names.size());
        }
        String h1 = names.get(0);
        String h2 = names.get(1);
        String slaveA = names.size() >= 3 ? names.get(2) : h2;
        String slaveB = names.size() >= 4 ? names.get(3) : names.size() >= 3 ? names.get(2) : h1;

        Map<String, Object> brokers = new LinkedHashMap<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        brokers.put(h1, broker(hosts.get(h1), "broker-a", 0, "ASYNC_MASTER", null));
        brokers.put(h2, broker(hosts.get(h2), "broker-b", 0, "ASYNC_MASTER", null));
        addInstance(brokers, extra, hosts, slaveA, "broker-a");
        addInstance(brokers, extra, hosts, slaveB, "broker-b");

        Map<String, Object> namesrv = new LinkedHashMap<>();
        namesrv.put(h1, connection(hosts.get(h1)));
        namesrv.put(h2, connection(hosts.get(h2)));

        Map<String, Object> children = new LinkedHashMap<>();
        children.put("namesrv", Map.of("hosts", namesrv));
        children.put("broker", Map.of("hosts", brokers));
        if (!extra.isEmpty()) {
            children.put("extra_instances", Map.of("hosts", extra));
        }
        String dashboardHost = names.get(Math.min(2, names.size() - 1));
        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put(dashboardHost, connection(hosts.get(dashboardHost)));
        children.put(DASHBOARD_GROUP, Map.of("hosts", dashboard));
        Map<String, Object> agents = new LinkedHashMap<>();
        names.forEach(n -> agents.put(n, Map.of()));
        children.put("agent", Map.of("hosts", agents));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("vars", Map.of("rocketmq_cluster_name", "DemoCluster"));
        all.put("children", children);
        return Map.of("all", all);
    }

    /** A slave goes on its own inventory host, or on an alias of it when that host already runs a broker. */
    private static void addInstance(Map<String, Object> brokers, Map<String, Object> extra,
            Map<String, Map<String, Object>> hosts, String machine, String brokerName) {
        if (!brokers.containsKey(machine)) {
            brokers.put(machine, broker(hosts.get(machine), brokerName, 1, "SLAVE", null));
            return;
        }
        String alias = machine + "-" + brokerName.substring(brokerName.length() - 1);
        brokers.put(alias, broker(hosts.get(machine), brokerName, 1, "SLAVE", SECOND_INSTANCE_PORT));
        extra.put(alias, Map.of());
    }

    private static Map<String, Object> broker(Map<String, Object> connection, String name, int id, String role,
            Integer listenPort) {
        Map<String, Object> vars = connection(connection);
        vars.put("broker_name", name);
        vars.put("broker_id", id);
        vars.put("broker_role", role);
        vars.put("flush_disk_type", "ASYNC_FLUSH");
        if (listenPort != null) {
            vars.put("listen_port", listenPort);
        }
        return vars;
    }

    private static Map<String, Object> connection(Map<String, Object> connection) {
        return new LinkedHashMap<>(connection);
    }
}

package io.rmqfleet.controller.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.PortProbe;
import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.drift.MachineObservation;
import io.rmqfleet.controller.state.layout.BrokerSpec;
import io.rmqfleet.controller.state.layout.ContainerNames;
import io.rmqfleet.controller.state.layout.DashboardSpec;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.layout.NameServerSpec;
import io.rmqfleet.controller.state.liveness.Liveness;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/clusters}: the RocketMQ topology the inventory expects (NameServers, broker groups with their
 * master and slaves, dashboards, addresses) with what the agents see live: the host's liveness, the container's
 * state and whether its ports answer.
 */
public final class ClustersEndpoint {
    private final FleetService fleet;

    public ClustersEndpoint(FleetService fleet) {
        this.fleet = fleet;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/clusters").handler(this::clusters);
    }

    private void clusters(RoutingContext ctx) {
        FleetLayout layout = fleet.layout();
        ObjectNode body = Respond.object();
        body.put("namesrv_addr", layout.nameServers().stream().map(NameServerSpec::endpoint).distinct()
                .collect(Collectors.joining(";")));
        ArrayNode nameServers = body.putArray("name_servers");
        for (NameServerSpec ns : layout.nameServers()) {
            ObjectNode node = live(ns.host(), ContainerNames.NAMESRV, List.of(ns.port()));
            node.put("address", ns.address());
            node.put("port", ns.port());
            node.put("endpoint", ns.endpoint());
            nameServers.add(node);
        }
        ArrayNode clusters = body.putArray("clusters");
        Map<String, Map<String, List<BrokerSpec>>> byCluster = new LinkedHashMap<>();
        for (BrokerSpec b : layout.brokers()) {
            byCluster.computeIfAbsent(b.clusterName(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(b.brokerName(), n -> new java.util.ArrayList<>()).add(b);
        }
        byCluster.forEach((cluster, groups) -> {
            ObjectNode c = clusters.addObject();
            c.put("name", cluster);
            ArrayNode brokerGroups = c.putArray("broker_groups");
            groups.forEach((brokerName, members) -> {
                ObjectNode g = brokerGroups.addObject();
                g.put("broker_name", brokerName);
                BrokerSpec master = members.stream().filter(BrokerSpec::isMaster).findFirst().orElse(null);
                if (master == null) {
                    g.putNull("master");
                } else {
                    g.set("master", broker(master));
                }
                ArrayNode slaves = g.putArray("slaves");
                members.stream().filter(b -> !b.isMaster()).forEach(b -> slaves.add(broker(b)));
            });
        });
        ArrayNode dashboards = body.putArray("dashboards");
        for (DashboardSpec d : layout.dashboards()) {
            ObjectNode node = live(d.host(), ContainerNames.DASHBOARD, List.of(d.port()));
            node.put("address", d.address());
            node.put("port", d.port());
            dashboards.add(node);
        }
        ArrayNode warnings = body.putArray("warnings");
        layout.warnings().forEach(warnings::add);
        Respond.json(ctx, 200, body);
    }

    private ObjectNode broker(BrokerSpec b) {
        ObjectNode node = live(b.host(), b.containerName(), List.of(b.listenPort(), b.listenPort() - 2,
                b.listenPort() + 1));
        node.put("broker_id", b.brokerId());
        node.put("role", b.role());
        node.put("address", b.address());
        node.put("listen_port", b.listenPort());
        node.put("endpoint", b.endpoint());
        return node;
    }

    /** The live side of a node: host liveness, its container as reported, its ports' probes. */
    private ObjectNode live(String host, String containerName, List<Integer> ports) {
        ObjectNode node = Respond.object();
        node.put("host", host);
        node.put("container_name", containerName);
        FleetLayout.Machine machine = fleet.layout().machineOf(host);
        MachineObservation seen = machine == null ? MachineObservation.NONE : fleet.state().observe(machine);
        AgentReport report = seen.report();
        Liveness liveness = report == null ? Liveness.UNKNOWN
                : fleet.state().host(report.host()).map(HostRecord::liveness).orElse(Liveness.UNKNOWN);
        node.put("liveness", liveness.wire());
        ContainerStatus container = report == null || report.containers() == null ? null
                : report.containers().stream().filter(c -> c.name().equals(containerName)).findFirst().orElse(null);
        if (container == null) {
            node.putNull("container");
        } else {
            node.set("container", Views.container(container));
        }
        ObjectNode probes = node.putObject("ports_open");
        if (report != null) {
            for (PortProbe p : report.ports()) {
                if (ports.contains(p.port())) {
                    probes.put(Integer.toString(p.port()), p.open());
                }
            }
        }
        node.put("status", status(liveness, report, container));
        return node;
    }

    /** One word for the dashboard's colour: up, down, degraded, unknown. */
    static String status(Liveness liveness, AgentReport report, ContainerStatus container) {
        if (report == null || liveness == Liveness.UNKNOWN) {
            return "unknown";
        }
        if (liveness == Liveness.DOWN) {
            return "down";
        }
        if (report.containers() == null) {
            return "unknown";
        }
        if (container == null) {
            return "down";
        }
        return switch (container.state()) {
            case RUNNING -> liveness == Liveness.ALIVE
                    && container.health() != io.rmqfleet.common.report.Health.UNHEALTHY ? "up" : "degraded";
            case RESTARTING -> "degraded";
            default -> "down";
        };
    }
}

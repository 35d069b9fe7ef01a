package io.rmqfleet.controller.rocketmq;

import java.util.ArrayList;
import java.util.List;

/**
 * A TCP port one process of the layout listens on, on its machine: used to find two processes that would bind
 * the same port on the same machine (several inventory hosts may share one {@code ansible_host}).
 *
 * @param machine the machine ({@code ansible_host})
 * @param port    the port
 * @param host    the inventory host whose process binds it
 * @param purpose human description, e.g. "HA port of broker-a/0 (listen_port 10911 + 1)"
 */
record PortClaim(String machine, int port, String host, String purpose) {

    /** Every port the layout binds, in layout order. */
    static List<PortClaim> of(ClusterLayout layout) {
        List<PortClaim> claims = new ArrayList<>();
        for (NameServerNode ns : layout.nameServers()) {
            claims.add(new PortClaim(ns.machine(), ns.port(), ns.host(), "NameServer port"));
        }
        for (BrokerNode b : layout.brokers()) {
            claims.add(new PortClaim(b.machine(), b.listenPort(), b.host(), "listen port of " + b.label()));
            claims.add(new PortClaim(b.machine(), b.fastPort(), b.host(),
                "fast-channel port of " + b.label() + " (listen_port " + b.listenPort() + " - 2)"));
            claims.add(new PortClaim(b.machine(), b.haPort(), b.host(),
                "HA port of " + b.label() + " (listen_port " + b.listenPort() + " + 1)"));
        }
        for (DashboardNode d : layout.dashboards()) {
            claims.add(new PortClaim(d.machine(), d.port(), d.host(), "dashboard port"));
        }
        return claims;
    }
}

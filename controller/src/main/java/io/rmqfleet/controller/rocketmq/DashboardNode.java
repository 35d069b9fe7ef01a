package io.rmqfleet.controller.rocketmq;

import java.util.Optional;

/**
 * A dashboard (console) instance.
 *
 * @param host    the inventory host name
 * @param machine the machine it runs on ({@code ansible_host})
 * @param port    {@code dashboard_port}
 * @param login   {@code dashboard_username} and {@code dashboard_password} when both are set, else null
 */
public record DashboardNode(String host, String machine, int port, DashboardLogin login) {

    /** A dashboard without login. */
    public DashboardNode(String host, String machine, int port) {
        this(host, machine, port, null);
    }

    public String url() {
        return "http://" + machine + ":" + port + "/";
    }

    public Optional<DashboardLogin> credentials() {
        return Optional.ofNullable(login);
    }
}

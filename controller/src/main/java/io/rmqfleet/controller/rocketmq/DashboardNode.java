package io.rmqfleet.controller.rocketmq;

/**
 * A dashboard (console) instance.
 *
 * @param host    the inventory host name
 * @param machine the machine it runs on ({@code ansible_host})
 * @param port    {@code dashboard_port}
 */
public record DashboardNode(String host, String machine, int port) {

    public String url() {
        return "http://" + machine + ":" + port + "/";
    }
}

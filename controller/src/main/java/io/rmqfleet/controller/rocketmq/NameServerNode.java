package io.rmqfleet.controller.rocketmq;

/**
 * A NameServer of the cluster.
 *
 * @param host    the inventory host name
 * @param machine the machine it runs on ({@code ansible_host})
 * @param port    {@code namesrv_port}
 */
public record NameServerNode(String host, String machine, int port) {

    /** What brokers and clients put into namesrvAddr. */
    public String address() {
        return machine + ":" + port;
    }
}

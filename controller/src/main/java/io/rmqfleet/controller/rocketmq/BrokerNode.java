package io.rmqfleet.controller.rocketmq;

import java.util.List;

/**
 * One broker process as the inventory describes it. Several brokers may share a machine: each is its own
 * inventory host with the same {@code ansible_host} and a different {@code listen_port}.
 *
 * @param host           the inventory host name
 * @param machine        the machine it runs on ({@code ansible_host})
 * @param clusterName    brokerClusterName
 * @param brokerName     brokerName (a master and its slaves share it)
 * @param brokerId       0 for the master, &gt; 0 for a slave
 * @param role           brokerRole
 * @param flushDiskType  flushDiskType
 * @param listenPort     listenPort; the fast channel is listenPort-2, HA listenPort+1
 * @param brokerIp1      the address the broker registers with the NameServers (what clients connect to)
 * @param brokerIp2      the address its slaves replicate from (HA); defaults to brokerIp1
 * @param knownAddresses the machine's addresses known from the inventory: ansible_host and rocketmq_host_addresses
 */
public record BrokerNode(String host, String machine, String clusterName, String brokerName, long brokerId,
                         BrokerRole role, FlushDiskType flushDiskType, int listenPort, String brokerIp1,
                         String brokerIp2, List<String> knownAddresses) {

    public BrokerNode {
        knownAddresses = List.copyOf(knownAddresses);
    }

    public boolean isMaster() {
        return brokerId == 0;
    }

    public int fastPort() {
        return listenPort + ClusterDefaults.FAST_PORT_OFFSET;
    }

    public int haPort() {
        return listenPort + ClusterDefaults.HA_PORT_OFFSET;
    }

    /** brokerIP1:listenPort, the address every NameServer must list for this broker. */
    public String address() {
        return brokerIp1 + ":" + listenPort;
    }

    /** brokerIP2:haPort, where slaves of this master connect. */
    public String haAddress() {
        return brokerIp2 + ":" + haPort();
    }

    /** The same broker on another listen port (brokers sharing a machine). */
    public BrokerNode withPort(int port) {
        return new BrokerNode(host, machine, clusterName, brokerName, brokerId, role, flushDiskType, port, brokerIp1,
            brokerIp2, knownAddresses);
    }

    /** "broker-a/0": how RocketMQ people name a broker. */
    public String label() {
        return brokerName + "/" + brokerId;
    }
}

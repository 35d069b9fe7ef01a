package io.rmqfleet.controller.state.layout;

/**
 * A broker as the inventory describes it.
 *
 * @param host        inventory host
 * @param address     ansible_host (where clients must find it)
 * @param clusterName brokerClusterName
 * @param brokerName  brokerName, shared by a master and its slaves
 * @param brokerId    0 = master, &gt; 0 = slave
 * @param role        brokerRole (ASYNC_MASTER, SYNC_MASTER, SLAVE)
 * @param listenPort  listenPort; fast channel listenPort-2, HA listenPort+1
 */
public record BrokerSpec(String host, String address, String clusterName, String brokerName, long brokerId,
                         String role, int listenPort) {
    public boolean isMaster() {
        return brokerId == 0;
    }

    public String endpoint() {
        return address + ":" + listenPort;
    }

    public String containerName() {
        return ContainerNames.broker(brokerName, brokerId);
    }
}

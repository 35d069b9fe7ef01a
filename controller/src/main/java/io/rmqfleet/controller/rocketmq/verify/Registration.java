package io.rmqfleet.controller.rocketmq.verify;

/**
 * A broker as a NameServer lists it (one entry of its cluster info).
 *
 * @param cluster    brokerClusterName it registered with
 * @param brokerName brokerName
 * @param brokerId   brokerId (0 master)
 * @param address    the address clients will use: brokerIP1:listenPort as the broker advertised it
 */
public record Registration(String cluster, String brokerName, long brokerId, String address) {

    public String label() {
        return brokerName + "/" + brokerId;
    }
}

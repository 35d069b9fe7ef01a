package io.rmqfleet.controller.rocketmq.verify;

import java.util.List;

/**
 * A broker's replication state (RocketMQ's HARuntimeInfo).
 *
 * @param master        whether the broker runs as a master
 * @param connections   on a master: the slaves connected to its HA port
 * @param masterAddress on a slave: the master HA address it replicates from (brokerIP2:haPort), or empty
 */
public record HaStatus(boolean master, List<HaConnection> connections, String masterAddress) {

    public HaStatus {
        connections = List.copyOf(connections);
        masterAddress = masterAddress == null ? "" : masterAddress;
    }

    /**
     * One slave connection seen by a master.
     *
     * @param address     the slave's socket address (ip:port)
     * @param behindBytes how far the slave's acknowledged offset lags the master's commit log
     * @param inSync      RocketMQ's own verdict
     */
    public record HaConnection(String address, long behindBytes, boolean inSync) {

        /** The IP of {@link #address()} (without the port). */
        public String ip() {
            int colon = address.lastIndexOf(':');
            return colon < 0 ? address : address.substring(0, colon);
        }
    }
}

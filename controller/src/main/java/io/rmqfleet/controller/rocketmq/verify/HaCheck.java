package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Is a slave replicating from its master? Both sides must agree: the slave replicates from the master's
 * brokerIP2:haPort, and the master has an HA connection from the slave's machine. Pure.
 */
final class HaCheck {
    static final String NAME = "broker.ha";

    private HaCheck() {
    }

    static CheckResult evaluate(BrokerNode slave, BrokerNode master, Attempt<HaStatus> slaveHa, Attempt<HaStatus> masterHa) {
        String target = slave.label() + " -> " + master.label();
        List<String> problems = new ArrayList<>();
        if (!slaveHa.ok()) {
            problems.add("the slave does not answer at " + slave.address() + " (" + slaveHa.error() + ")");
        } else if (slaveHa.value().master()) {
            problems.add("the broker at " + slave.address() + " runs as a master, not as a slave");
        } else if (slaveHa.value().masterAddress().isEmpty()) {
            problems.add("the slave knows no master HA address (is the master registered with the slave's NameServers?)");
        } else if (!slaveHa.value().masterAddress().equals(master.haAddress())) {
            problems.add("the slave replicates from " + slaveHa.value().masterAddress() + ", expected "
                + master.haAddress() + " (the master's brokerIP2:listenPort+1)");
        }
        HaStatus.HaConnection connection = null;
        if (!masterHa.ok()) {
            problems.add("the master does not answer at " + master.address() + " (" + masterHa.error() + ")");
        } else {
            Set<String> slaveIps = new LinkedHashSet<>(slave.knownAddresses());
            slaveIps.add(slave.brokerIp1());
            slaveIps.add(slave.brokerIp2());
            List<HaStatus.HaConnection> all = masterHa.value().connections();
            connection = all.stream().filter(c -> slaveIps.contains(c.ip())).findFirst().orElse(null);
            if (connection == null) {
                problems.add("the master has no HA connection from the slave's machine " + String.join("/", slaveIps)
                    + (all.isEmpty() ? "" : " (connected: " + all.stream().map(HaStatus.HaConnection::address).toList() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(NAME, target, String.join("; ", problems));
        }
        return CheckResult.pass(NAME, target, "replicating from " + master.haAddress() + ", " + connection.behindBytes()
            + " bytes behind" + (connection.inSync() ? " (in sync)" : ""));
    }
}

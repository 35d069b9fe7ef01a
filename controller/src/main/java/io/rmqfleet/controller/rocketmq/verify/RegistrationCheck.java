package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does a NameServer list every inventory broker (name, id) at brokerIP1:listenPort, in the right cluster, and
 * nothing else in the inventory's clusters? Pure: judges what the NameServer answered.
 */
final class RegistrationCheck {
    static final String REGISTRATION = "namesrv.registration";
    static final String UNKNOWN = "namesrv.unknown-brokers";

    private RegistrationCheck() {
    }

    static List<CheckResult> evaluate(NameServerNode ns, Attempt<List<Registration>> answer, ClusterLayout layout) {
        List<CheckResult> results = new ArrayList<>();
        for (BrokerNode b : layout.brokers()) {
            String target = b.label() + " @ " + ns.host();
            if (!answer.ok()) {
                results.add(CheckResult.skip(REGISTRATION, target, "NameServer " + ns.address() + " did not answer"));
            } else {
                results.add(judge(b, ns, answer.value(), target));
            }
        }
        if (answer.ok()) {
            results.add(unknown(ns, answer.value(), layout));
        }
        return results;
    }

    private static CheckResult judge(BrokerNode b, NameServerNode ns, List<Registration> registrations, String target) {
        List<Registration> same = registrations.stream()
            .filter(r -> r.brokerName().equals(b.brokerName()) && r.brokerId() == b.brokerId()).toList();
        if (same.isEmpty()) {
            String atAddress = registrations.stream().filter(r -> r.address().equals(b.address()))
                .map(r -> " (" + b.address() + " is registered as " + r.label() + " in cluster " + r.cluster() + ")")
                .findFirst().orElse("");
            return CheckResult.fail(REGISTRATION, target, "not registered" + atAddress + ": is the broker running, and"
                + " does its namesrvAddr include " + ns.address() + "?");
        }
        Registration r = same.get(0);
        if (!r.address().equals(b.address())) {
            return CheckResult.fail(REGISTRATION, target, "registered at " + r.address() + ", expected " + b.address()
                + AddressHints.why(r.address()));
        }
        if (!r.cluster().equals(b.clusterName())) {
            return CheckResult.fail(REGISTRATION, target, "registered in cluster " + r.cluster() + ", expected "
                + b.clusterName() + " (rocketmq_cluster_name)");
        }
        return CheckResult.pass(REGISTRATION, target, "at " + r.address() + " in cluster " + r.cluster());
    }

    private static CheckResult unknown(NameServerNode ns, List<Registration> registrations, ClusterLayout layout) {
        Set<String> known = layout.brokers().stream().map(BrokerNode::label).collect(Collectors.toSet());
        Set<String> clusters = layout.clusterNames();
        List<String> strangers = registrations.stream()
            .filter(r -> clusters.contains(r.cluster()) && !known.contains(r.label()))
            .map(r -> r.label() + " at " + r.address() + " in cluster " + r.cluster()).sorted().toList();
        if (strangers.isEmpty()) {
            return CheckResult.pass(UNKNOWN, ns.host(), clusters.isEmpty() ? "the inventory has no broker"
                : "every broker of cluster " + String.join(", ", clusters) + " is in the inventory");
        }
        return CheckResult.fail(UNKNOWN, ns.host(), "registered but not in the inventory: " + String.join("; ", strangers));
    }
}

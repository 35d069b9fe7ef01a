package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Every broker port a client or slave needs answers TCP: listenPort and the fast channel (listenPort-2) on
 * brokerIP1, the HA port (listenPort+1) on brokerIP2.
 */
final class PortCheck {

    private record Probe(String check, BrokerNode broker, String host, int port) {
        String target() {
            return broker.label() + " " + host + ":" + port;
        }
    }

    private PortCheck() {
    }

    static List<CheckResult> run(ClusterLayout layout, PortProber prober, Calls calls, Duration timeout) {
        List<Probe> probes = new ArrayList<>();
        for (BrokerNode b : layout.brokers()) {
            probes.add(new Probe("broker.listen-port", b, b.brokerIp1(), b.listenPort()));
            probes.add(new Probe("broker.fast-port", b, b.brokerIp1(), b.fastPort()));
            probes.add(new Probe("broker.ha-port", b, b.brokerIp2(), b.haPort()));
        }
        List<Callable<Boolean>> asks = new ArrayList<>();
        for (Probe p : probes) {
            asks.add(() -> {
                prober.connect(p.host(), p.port(), timeout);
                return true;
            });
        }
        List<Attempt<Boolean>> answers = calls.all(asks);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe p = probes.get(i);
            Attempt<Boolean> a = answers.get(i);
            results.add(a.ok() ? CheckResult.pass(p.check(), p.target(), "accepts TCP connections")
                : CheckResult.fail(p.check(), p.target(), a.error()));
        }
        return results;
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Proves from the controller that the cluster an inventory describes really works: NameServers answer and list
 * every broker at its inventory address, slaves replicate from their masters, the brokers' ports answer, the
 * test topic exists on every master and messages make the round trip; dashboards answer. Each check is one
 * {@link CheckResult}; nothing is retried past the deadline.
 */
public final class ClusterVerifier {
    private static final Duration ROUTE_POLL = Duration.ofMillis(300);
    /** The NameServer learns a new topic at once; do not spend the whole budget waiting for a missing route. */
    private static final Duration ROUTE_WAIT = Duration.ofSeconds(20);
    /** HA connections follow registration by a few seconds (longer on a loaded machine). */
    private static final Duration HA_WAIT = Duration.ofSeconds(60);

    private final ClusterAdmin admin;
    private final PortProber ports;
    private final MessageRoundTrip roundTrip;
    private final List<DashboardProbe> dashboardProbes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<String> runIds;

    /** Pauses between polls; tests advance their clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public ClusterVerifier(ClusterAdmin admin, PortProber ports, MessageRoundTrip roundTrip,
                           List<DashboardProbe> dashboardProbes, Clock clock, Sleeper sleeper, Supplier<String> runIds) {
        this.admin = admin;
        this.ports = ports;
        this.roundTrip = roundTrip;
        this.dashboardProbes = List.copyOf(dashboardProbes);
        this.clock = clock;
        this.sleeper = sleeper;
        this.runIds = runIds;
    }

    public VerifyReport verify(ClusterLayout layout, VerifyOptions options) {
        Instant started = clock.instant();
        Deadline deadline = new Deadline(clock, options.timeout());
        String runId = runIds.get();
        List<CheckResult> results = new ArrayList<>();
        try (Calls calls = new Calls(deadline, options.callTimeout())) {
            Map<NameServerNode, Attempt<List<Registration>>> views = nameServers(layout, calls, results);
            views.forEach((ns, view) -> results.addAll(RegistrationCheck.evaluate(ns, view, layout)));
            results.addAll(PortCheck.run(layout, ports, calls, options.callTimeout()));
            results.addAll(replication(layout, deadline, calls));
            List<BrokerNode> withTopic = topics(layout, calls, options, results);
            routes(views, withTopic, options, deadline, calls, results);
            results.add(messages(layout, withTopic, options, runId, deadline, calls));
            results.addAll(dashboards(layout, options, calls));
        }
        return new VerifyReport(runId, results, Duration.between(started, clock.instant()));
    }

    private Map<NameServerNode, Attempt<List<Registration>>> nameServers(ClusterLayout layout, Calls calls,
                                                                         List<CheckResult> results) {
        List<Callable<List<Registration>>> asks = new ArrayList<>();
        layout.nameServers().forEach(ns -> asks.add(() -> admin.registrations(ns)));
        List<Attempt<List<Registration>>> answers = calls.all(asks);
        Map<NameServerNode, Attempt<List<Registration>>> views = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            NameServerNode ns = layout.nameServers().get(i);
            Attempt<List<Registration>> answer = answers.get(i);
            views.put(ns, answer);
            String target = ns.host() + " " + ns.address();
            if (answer.ok()) {
                List<String> listed = answer.value().stream().map(Registration::label).sorted().toList();
                results.add(CheckResult.pass("namesrv.answers", target, listed.isEmpty() ? "answers, lists no broker"
                    : "answers, lists " + listed.size() + " broker(s): " + String.join(", ", listed)));
            } else {
                results.add(CheckResult.fail("namesrv.answers", target, answer.error()));
            }
        }
        return views;
    }

    /**
     * A slave connects to its master's HA port only after both have registered and the slave has fetched the
     * master's address, some seconds after a deploy: pairs that both answer but are not connected yet are asked
     * again until {@link #HA_WAIT}; a broker that does not answer fails at once.
     */
    private List<CheckResult> replication(ClusterLayout layout, Deadline deadline, Calls calls) {
        List<CheckResult> results = new ArrayList<>();
        List<BrokerNode> pending = new ArrayList<>();
        for (BrokerNode slave : layout.slaves()) {
            // A validated layout always has the master; a hand-made one may not.
            if (layout.masterOf(slave).isPresent()) {
                pending.add(slave);
            } else {
                results.add(CheckResult.fail(HaCheck.NAME, slave.label(), "no master (broker_id 0) of "
                    + slave.brokerName() + " in the inventory"));
            }
        }
        Map<BrokerNode, CheckResult> outcome = new LinkedHashMap<>();
        Instant giveUp = clock.instant().plus(deadline.cap(HA_WAIT));
        while (!pending.isEmpty()) {
            List<Callable<HaStatus>> asks = new ArrayList<>();
            for (BrokerNode slave : pending) {
                BrokerNode master = layout.masterOf(slave).orElseThrow();
                asks.add(() -> admin.haStatus(slave.address()));
                asks.add(() -> admin.haStatus(master.address()));
            }
            List<Attempt<HaStatus>> answers = calls.all(asks);
            boolean last = !clock.instant().plus(ROUTE_POLL).isBefore(giveUp);
            List<BrokerNode> still = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                BrokerNode slave = pending.get(i);
                Attempt<HaStatus> slaveHa = answers.get(2 * i);
                Attempt<HaStatus> masterHa = answers.get(2 * i + 1);
                CheckResult result = HaCheck.evaluate(slave, layout.masterOf(slave).orElseThrow(), slaveHa, masterHa);
                // Only "both answer, not connected yet" is worth waiting for; a broker that does not answer is down.
                boolean connecting = slaveHa.ok() && masterHa.ok();
                if (result.passed() || last || !connecting) {
                    outcome.put(slave, result);
                } else {
                    still.add(slave);
                }
            }
            pending = still;
            if (!pending.isEmpty() && !pause()) {
                pending.forEach(slave -> outcome.put(slave, CheckResult.fail(HaCheck.NAME, slave.label(), "interrupted")));
                break;
            }
        }
        layout.slaves().stream().filter(outcome::containsKey).forEach(slave -> results.add(outcome.get(slave)));
        return results;
    }

    /** Ensures the test topic on every master; returns the masters that carry it. */
    private List<BrokerNode> topics(ClusterLayout layout, Calls calls, VerifyOptions options, List<CheckResult> results) {
        List<BrokerNode> masters = layout.masters();
        List<Callable<TopicState>> asks = new ArrayList<>();
        masters.forEach(m -> asks.add(() -> admin.ensureTopic(m.address(), options.topic(), VerifyOptions.TOPIC_QUEUES)));
        List<Attempt<TopicState>> answers = calls.all(asks);
        List<BrokerNode> withTopic = new ArrayList<>();
        for (int i = 0; i < masters.size(); i++) {
            BrokerNode m = masters.get(i);
            Attempt<TopicState> answer = answers.get(i);
            String target = m.label() + " " + options.topic();
            if (answer.ok()) {
                TopicState t = answer.value();
                withTopic.add(m);
                results.add(CheckResult.pass("topic.exists", target, (t.created() ? "created, " : "exists, ")
                    + t.writeQueues() + " write / " + t.readQueues() + " read queues"));
            } else {
                results.add(CheckResult.fail("topic.exists", target, answer.error()));
            }
        }
        return withTopic;
    }

    /** Every NameServer that answered must route the test topic to every master that carries it. */
    private void routes(Map<NameServerNode, Attempt<List<Registration>>> views, List<BrokerNode> withTopic,
                        VerifyOptions options, Deadline deadline, Calls calls, List<CheckResult> results) {
        Set<String> expected = withTopic.stream().map(BrokerNode::brokerName).collect(Collectors.toSet());
        List<NameServerNode> answered = new ArrayList<>();
        Map<NameServerNode, CheckResult> outcome = new LinkedHashMap<>();
        views.forEach((ns, view) -> {
            String target = ns.host() + " " + options.topic();
            if (!view.ok()) {
                outcome.put(ns, CheckResult.skip("topic.route", target, "NameServer " + ns.address() + " did not answer"));
            } else if (expected.isEmpty()) {
                outcome.put(ns, CheckResult.skip("topic.route", target, "no master carries the test topic"));
            } else {
                answered.add(ns);
            }
        });
        List<NameServerNode> pending = answered;
        Instant giveUp = clock.instant().plus(deadline.cap(ROUTE_WAIT));
        while (!pending.isEmpty()) {
            List<Callable<Set<String>>> asks = new ArrayList<>();
            pending.forEach(ns -> asks.add(() -> admin.routeBrokerNames(ns, options.topic())));
            List<Attempt<Set<String>>> answers = calls.all(asks);
            boolean last = !clock.instant().plus(ROUTE_POLL).isBefore(giveUp);
            List<NameServerNode> still = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                NameServerNode ns = pending.get(i);
                Attempt<Set<String>> answer = answers.get(i);
                String target = ns.host() + " " + options.topic();
                if (answer.ok() && answer.value().containsAll(expected)) {
                    outcome.put(ns, CheckResult.pass("topic.route", target, "routes to " + sorted(answer.value())));
                } else if (last) {
                    outcome.put(ns, CheckResult.fail("topic.route", target, !answer.ok() ? answer.error()
                        : answer.value().isEmpty() ? "no route for the topic (\"No route info of this topic\")"
                        : "routes only to " + sorted(answer.value()) + ", missing " + sorted(missing(expected, answer.value()))));
                } else {
                    still.add(ns);
                }
            }
            pending = still;
            if (!pending.isEmpty() && !pause()) {
                pending.forEach(ns -> outcome.put(ns, CheckResult.fail("topic.route", ns.host() + " " + options.topic(),
                    "interrupted")));
                break;
            }
        }
        views.keySet().forEach(ns -> results.add(outcome.get(ns)));
    }

    private CheckResult messages(ClusterLayout layout, List<BrokerNode> withTopic, VerifyOptions options, String runId,
                                 Deadline deadline, Calls calls) {
        String clusters = layout.clusterNames().isEmpty() ? "cluster" : String.join(", ", layout.clusterNames());
        String target = clusters + " " + options.topic();
        if (layout.masters().isEmpty()) {
            return CheckResult.skip(RoundTripCheck.NAME, target, "no master broker in the inventory");
        }
        if (withTopic.isEmpty()) {
            return CheckResult.skip(RoundTripCheck.NAME, target, "no master carries the test topic");
        }
        Attempt<RoundTrip> trip = calls.untilDeadline(
            () -> roundTrip.run(layout.namesrvAddr(), options.topic(), options.messages(), runId, deadline));
        if (!trip.ok()) {
            return CheckResult.fail(RoundTripCheck.NAME, target, trip.error());
        }
        return RoundTripCheck.evaluate(target, trip.value(), withTopic.stream().map(BrokerNode::brokerName).toList());
    }

    private List<CheckResult> dashboards(ClusterLayout layout, VerifyOptions options, Calls calls) {
        List<Callable<CheckResult>> asks = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (DashboardNode d : layout.dashboards()) {
            for (DashboardProbe probe : dashboardProbes) {
                asks.add(() -> probe.check(d, layout, options.callTimeout()));
                targets.add(d.host() + " " + d.url());
            }
        }
        List<Attempt<CheckResult>> answers = calls.all(asks);
        List<CheckResult> results = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Attempt<CheckResult> a = answers.get(i);
            results.add(a.ok() ? a.value() : CheckResult.fail("dashboard", targets.get(i), a.error()));
        }
        return results;
    }

    private boolean pause() {
        try {
            sleeper.sleep(ROUTE_POLL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sorted(Set<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    private static Set<String> missing(Set<String> expected, Set<String> actual) {
        return expected.stream().filter(e -> !actual.contains(e)).collect(Collectors.toSet());
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.BrokerRole;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import io.rmqfleet.controller.rocketmq.FlushDiskType;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The verifier's flow on a simulated cluster: which checks run, what is skipped, how time is bounded. */
class ClusterVerifierTest {
    static final NameServerNode NS1 = new NameServerNode("ns1", "10.213.50.1", 9876);
    static final NameServerNode NS2 = new NameServerNode("ns2", "10.213.50.2", 9876);
    static final BrokerNode A0 = broker("a0", "10.213.50.3", "broker-a", 0, 10911);
    static final BrokerNode A1 = broker("a1", "10.213.50.4", "broker-a", 1, 10911);
    static final BrokerNode B0 = broker("b0", "10.213.50.4", "broker-b", 0, 10915);
    static final DashboardNode DASH = new DashboardNode("d", "10.213.50.1", 8080);
    static final ClusterLayout LAYOUT = ClusterLayout.of(List.of(NS1, NS2), List.of(A0, A1, B0), List.of(DASH));

    static BrokerNode broker(String host, String ip, String name, long id, int port) {
        return new BrokerNode(host, ip, "C", name, id, id == 0 ? BrokerRole.ASYNC_MASTER : BrokerRole.SLAVE,
            FlushDiskType.ASYNC_FLUSH, port, ip, ip, List.of(ip));
    }

    /** A clock the fake sleeper moves forward, so polling until a deadline takes no real time. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration d) {
            now = now.plus(d);
        }
    }

    /** A cluster in memory: healthy unless a test breaks something. */
    static class FakeAdmin implements ClusterAdmin {
        final Set<String> deadNameServers = new HashSet<>();
        final Set<String> deadBrokers = new HashSet<>();
        final Map<String, List<Registration>> registrations = new HashMap<>();
        final Set<String> topicsOn = new HashSet<>();
        final Map<String, Integer> routeAfterPolls = new HashMap<>();
        /** How many more times the master reports no HA connection (a slave still connecting). */
        int haConnectsAfterPolls;
        final List<String> calls = new CopyOnWriteArrayList<>();
        boolean closed;

        FakeAdmin() {
            List<Registration> all = List.of(new Registration("C", "broker-a", 0, "10.213.50.3:10911"),
                new Registration("C", "broker-a", 1, "10.213.50.4:10911"),
                new Registration("C", "broker-b", 0, "10.213.50.4:10915"));
            registrations.put(NS1.address(), all);
            registrations.put(NS2.address(), all);
        }

        @Override
        public List<Registration> registrations(NameServerNode ns) throws ProbeException {
            calls.add("registrations " + ns.host());
            if (deadNameServers.contains(ns.address())) {
                throw new ProbeException("cannot connect to " + ns.address());
            }
            return registrations.get(ns.address());
        }

        @Override
        public synchronized Set<String> routeBrokerNames(NameServerNode ns, String topic) throws ProbeException {
            calls.add("route " + ns.host());
            int left = routeAfterPolls.getOrDefault(ns.address(), 0);
            routeAfterPolls.put(ns.address(), left - 1);
            if (left > 0) {
                return Set.of("broker-a");
            }
            Set<String> names = new HashSet<>();
            if (topicsOn.contains("10.213.50.3:10911")) {
                names.add("broker-a");
            }
            if (topicsOn.contains("10.213.50.4:10915")) {
                names.add("broker-b");
            }
            return names;
        }

        @Override
        public synchronized HaStatus haStatus(String brokerAddr) throws ProbeException {
            calls.add("ha " + brokerAddr);
            if (deadBrokers.contains(brokerAddr)) {
                throw new ProbeException("cannot connect to " + brokerAddr);
            }
            if (brokerAddr.equals("10.213.50.3:10911")) {
                boolean connecting = haConnectsAfterPolls-- > 0;
                List<HaStatus.HaConnection> c = deadBrokers.contains("10.213.50.4:10911") || connecting ? List.of()
                    : List.of(new HaStatus.HaConnection("10.213.50.4:33333", 0, true));
                return new HaStatus(true, c, "");
            }
            return new HaStatus(false, List.of(), "10.213.50.3:10912");
        }

        @Override
        public synchronized TopicState ensureTopic(String brokerAddr, String topic, int queues) throws ProbeException {
            calls.add("topic " + brokerAddr);
            if (deadBrokers.contains(brokerAddr)) {
                throw new ProbeException("cannot connect to " + brokerAddr);
            }
            boolean created = topicsOn.add(brokerAddr);
            return new TopicState(created, queues, queues);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final TestClock clock = new TestClock();
    final FakeAdmin admin = new FakeAdmin();
    final Set<String> closedPorts = new HashSet<>();
    final List<String> roundTrips = new ArrayList<>();
    RoundTrip tripResult;

    ClusterVerifier verifier() {
        PortProber ports = (host, port, timeout) -> {
            if (closedPorts.contains(host + ":" + port)) {
                throw new ConnectException("Connection refused");
            }
        };
        MessageRoundTrip trip = (namesrvAddr, topic, n, runId, deadline) -> {
            roundTrips.add(namesrvAddr + " " + topic + " " + n + " " + runId);
            return tripResult != null ? tripResult
                : new RoundTrip(n, Map.of("broker-a", n / 2, "broker-b", n - n / 2), List.of(), n, List.of(), null,
                    Duration.ofMillis(800));
        };
        DashboardProbe dashboard = (d, layout, timeout) -> CheckResult.pass("dashboard.http", d.host(), "HTTP 200");
        return new ClusterVerifier(admin, ports, trip, List.of(dashboard), clock, clock::advance, () -> "run1");
    }

    private static List<String> rows(VerifyReport report) {
        return report.results().stream().map(r -> r.outcome() + " " + r.check() + " [" + r.target() + "]").toList();
    }

    @Test
    void healthyClusterPassesInAFixedOrder() {
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(report.passed()).isTrue();
        assertThat(report.exitCode()).isZero();
        assertThat(report.runId()).isEqualTo("run1");
        assertThat(rows(report)).containsExactly(
            "PASS namesrv.answers [ns1 10.213.50.1:9876]",
            "PASS namesrv.answers [ns2 10.213.50.2:9876]",
            "PASS namesrv.registration [broker-a/0 @ ns1]",
            "PASS namesrv.registration [broker-a/1 @ ns1]",
            "PASS namesrv.registration [broker-b/0 @ ns1]",
            "PASS namesrv.unknown-brokers [ns1]",
            "PASS namesrv.registration [broker-a/0 @ ns2]",
            "PASS namesrv.registration [broker-a/1 @ ns2]",
            "PASS namesrv.registration [broker-b/0 @ ns2]",
            "PASS namesrv.unknown-brokers [ns2]",
            "PASS broker.listen-port [broker-a/0 10.213.50.3:10911]",
            "PASS broker.fast-port [broker-a/0 10.213.50.3:10909]",
            "PASS broker.ha-port [broker-a/0 10.213.50.3:10912]",
            "PASS broker.listen-port [broker-a/1 10.213.50.4:10911]",
            "PASS broker.fast-port [broker-a/1 10.213.50.4:10909]",
            "PASS broker.ha-port [broker-a/1 10.213.50.4:10912]",
            "PASS broker.listen-port [broker-b/0 10.213.50.4:10915]",
            "PASS broker.fast-port [broker-b/0 10.213.50.4:10913]",
            "PASS broker.ha-port [broker-b/0 10.213.50.4:10916]",
            "PASS broker.ha [broker-a/1 -> broker-a/0]",
            "PASS topic.exists [broker-a/0 rmqfleet_verify]",
            "PASS topic.exists [broker-b/0 rmqfleet_verify]",
            "PASS topic.route [ns1 rmqfleet_verify]",
            "PASS topic.route [ns2 rmqfleet_verify]",
            "PASS messages.roundtrip [C rmqfleet_verify]",
            "PASS dashboard.http [d]");
        assertThat(report.results().get(0).detail())
            .isEqualTo("answers, lists 3 broker(s): broker-a/0, broker-a/1, broker-b/0");
        assertThat(report.results().get(20).detail()).isEqualTo("created, 4 write / 4 read queues");
        assertThat(roundTrips).containsExactly("10.213.50.1:9876;10.213.50.2:9876 rmqfleet_verify 20 run1");
    }

    @Test
    void secondRunFindsTheTopic() {
        verifier().verify(LAYOUT, VerifyOptions.defaults());
        VerifyReport again = verifier().verify(LAYOUT, VerifyOptions.defaults().withMessages(7));
        assertThat(again.results()).filteredOn(r -> r.check().equals("topic.exists"))
            .extracting(CheckResult::detail).containsOnly("exists, 4 write / 4 read queues");
        assertThat(roundTrips.get(1)).contains(" 7 run1");
    }

    @Test
    void deadNameServerFailsOnceAndSkipsWhatDependsOnIt() {
        admin.deadNameServers.add(NS2.address());
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.count(Outcome.FAIL)).isEqualTo(1);
        assertThat(report.results()).filteredOn(CheckResult::failed).singleElement()
            .isEqualTo(CheckResult.fail("namesrv.answers", "ns2 10.213.50.2:9876", "cannot connect to 10.213.50.2:9876"));
        assertThat(rows(report)).contains("SKIP namesrv.registration [broker-b/0 @ ns2]", "SKIP topic.route [ns2 rmqfleet_verify]");
        assertThat(report.count(Outcome.SKIP)).isEqualTo(4);
    }

    @Test
    void deadSlaveFailsHaAndPortChecks() {
        admin.deadBrokers.add("10.213.50.4:10911");
        closedPorts.addAll(List.of("10.213.50.4:10911", "10.213.50.4:10909", "10.213.50.4:10912"));
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(report.results()).filteredOn(CheckResult::failed).extracting(r -> r.check() + ": " + r.detail())
            .containsExactly(
                "broker.listen-port: connection refused",
                "broker.fast-port: connection refused",
                "broker.ha-port: connection refused",
                "broker.ha: the slave does not answer at 10.213.50.4:10911 (cannot connect to 10.213.50.4:10911);"
                    + " the master has no HA connection from the slave's machine 10.213.50.4");
    }

    @Test
    void deadMasterFailsItsTopicCheckAndTheOthersAreStillProven() {
        admin.deadBrokers.add("10.213.50.4:10915");
        tripResult = new RoundTrip(20, Map.of("broker-a", 20), List.of(), 20, List.of(), null, Duration.ofSeconds(1));
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(report.results()).filteredOn(CheckResult::failed).singleElement()
            .isEqualTo(CheckResult.fail("topic.exists", "broker-b/0 rmqfleet_verify", "cannot connect to 10.213.50.4:10915"));
        assertThat(rows(report)).contains("PASS topic.route [ns1 rmqfleet_verify]", "PASS messages.roundtrip [C rmqfleet_verify]");
    }

    @Test
    void noMasterCarriesTheTopicSkipsRoutesAndMessages() {
        admin.deadBrokers.addAll(List.of("10.213.50.3:10911", "10.213.50.4:10915"));
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(rows(report)).contains("SKIP topic.route [ns1 rmqfleet_verify]", "SKIP messages.roundtrip [C rmqfleet_verify]");
        assertThat(roundTrips).isEmpty();
    }

    @Test
    void routeIsPolledUntilComplete() {
        admin.routeAfterPolls.put(NS1.address(), 3);
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(rows(report)).contains("PASS topic.route [ns1 rmqfleet_verify]");
        assertThat(admin.calls.stream().filter(c -> c.equals("route ns1")).count()).isEqualTo(4);
        assertThat(admin.calls.stream().filter(c -> c.equals("route ns2")).count()).isEqualTo(1);
    }

    @Test
    void aSlaveStillConnectingIsAskedAgainUntilItReplicates() {
        admin.haConnectsAfterPolls = 3;
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults());
        assertThat(rows(report)).contains("PASS broker.ha [broker-a/1 -> broker-a/0]");
        assertThat(admin.calls.stream().filter(c -> c.equals("ha 10.213.50.3:10911")).count()).isEqualTo(4);
    }

    @Test
    void aSlaveThatNeverConnectsFailsAfterTheHaWait() {
        admin.haConnectsAfterPolls = Integer.MAX_VALUE;
        Instant start = clock.instant();
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults().withTimeout(Duration.ofMinutes(5)));
        assertThat(report.results()).filteredOn(r -> r.check().equals("broker.ha")).singleElement()
            .satisfies(r -> assertThat(r.failed()).isTrue())
            .extracting(CheckResult::detail).asString().contains("the master has no HA connection from the slave's machine");
        assertThat(Duration.between(start, clock.instant())).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
    }

    @Test
    void aSlaveThatDoesNotAnswerFailsWithoutWaiting() {
        admin.deadBrokers.add("10.213.50.4:10911");
        Instant start = clock.instant();
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults().withTimeout(Duration.ofMinutes(5)));
        assertThat(report.results()).filteredOn(r -> r.check().equals("broker.ha")).singleElement()
            .satisfies(r -> assertThat(r.failed()).isTrue());
        assertThat(admin.calls.stream().filter(c -> c.equals("ha 10.213.50.3:10911")).count()).isEqualTo(1);
        assertThat(Duration.between(start, clock.instant())).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void incompleteRouteFailsAfterItsWaitWithoutUsingTheWholeBudget() {
        admin.routeAfterPolls.put(NS1.address(), Integer.MAX_VALUE);
        Instant start = clock.instant();
        VerifyReport report = verifier().verify(LAYOUT, VerifyOptions.defaults().withTimeout(Duration.ofMinutes(5)));
        assertThat(report.results()).filteredOn(r -> r.check().equals("topic.route") && r.failed()).singleElement()
            .extracting(CheckResult::detail).isEqualTo("routes only to broker-a, missing broker-b");
        Duration waited = Duration.between(start, clock.instant());
        assertThat(waited).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
        assertThat(report.elapsed()).isEqualTo(waited);
    }

    @Test
    void routeWaitStopsAtTheDeadline() {
        admin.routeAfterPolls.put(NS1.address(), Integer.MAX_VALUE);
        Instant start = clock.instant();
        verifier().verify(LAYOUT, VerifyOptions.defaults().withTimeout(Duration.ofSeconds(3)));
        assertThat(Duration.between(start, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void hangingCallEndsAsAFailureWithinTheCallTimeout() {
        ClusterAdmin hanging = new FakeAdmin() {
            @Override
            public List<Registration> registrations(NameServerNode ns) throws ProbeException {
                if (ns.equals(NS1)) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        throw new ProbeException("interrupted");
                    }
                }
                return super.registrations(ns);
            }
        };
        ClusterVerifier v = new ClusterVerifier(hanging, (h, p, t) -> { }, (a, t, n, r, d) -> RoundTrip.setupFailed(n, "x",
            Duration.ZERO), List.of(), Clock.systemUTC(), d -> { }, () -> "run2");
        long start = System.nanoTime();
        VerifyReport report = v.verify(LAYOUT, new VerifyOptions(1, Duration.ofSeconds(30), Duration.ofMillis(200),
            VerifyOptions.DEFAULT_TOPIC));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.results().get(0)).isEqualTo(CheckResult.fail("namesrv.answers", "ns1 10.213.50.1:9876",
            "no answer within 0.4 s"));
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void layoutWithoutBrokersSkipsTheMessages() {
        VerifyReport report = verifier().verify(ClusterLayout.of(List.of(NS1), List.of(), List.of()), VerifyOptions.defaults());
        assertThat(rows(report)).containsExactly("PASS namesrv.answers [ns1 10.213.50.1:9876]",
            "PASS namesrv.unknown-brokers [ns1]", "SKIP topic.route [ns1 rmqfleet_verify]", "SKIP messages.roundtrip [cluster rmqfleet_verify]");
    }

    @Test
    void slaveWithoutMasterInAHandMadeLayoutFailsInsteadOfCrashing() {
        VerifyReport report = verifier().verify(ClusterLayout.of(List.of(NS1), List.of(A1), List.of()),
            VerifyOptions.defaults());
        assertThat(report.results()).filteredOn(r -> r.check().equals("broker.ha")).singleElement()
            .isEqualTo(CheckResult.fail("broker.ha", "broker-a/1", "no master (broker_id 0) of broker-a in the inventory"));
    }
}

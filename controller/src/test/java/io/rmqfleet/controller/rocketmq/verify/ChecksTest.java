package io.rmqfleet.controller.rocketmq.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.BrokerRole;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.FlushDiskType;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure judges of verify: what the cluster answered in, a check result out. */
class ChecksTest {
    static final NameServerNode NS = new NameServerNode("ns1", "10.213.40.1", 9876);
    static final BrokerNode MASTER = new BrokerNode("m", "10.213.40.2", "C", "broker-a", 0, BrokerRole.ASYNC_MASTER,
        FlushDiskType.ASYNC_FLUSH, 10911, "10.213.40.2", "10.213.40.2", List.of("10.213.40.2"));
    static final BrokerNode SLAVE = new BrokerNode("s", "10.213.40.3", "C", "broker-a", 1, BrokerRole.SLAVE,
        FlushDiskType.ASYNC_FLUSH, 11911, "10.213.40.3", "10.213.40.3", List.of("10.213.40.3"));
    static final ClusterLayout LAYOUT = ClusterLayout.of(List.of(NS), List.of(MASTER, SLAVE), List.of());

    @Nested
    class Registrations {
        @Test
        void everyBrokerAtItsAddressPasses() {
            List<CheckResult> results = RegistrationCheck.evaluate(NS, Attempt.ok(List.of(
                new Registration("C", "broker-a", 0, "10.213.40.2:10911"),
                new Registration("C", "broker-a", 1, "10.213.40.3:11911"))), LAYOUT);
            assertThat(results).containsExactly(
                CheckResult.pass("namesrv.registration", "broker-a/0 @ ns1", "at 10.213.40.2:10911 in cluster C"),
                CheckResult.pass("namesrv.registration", "broker-a/1 @ ns1", "at 10.213.40.3:11911 in cluster C"),
                CheckResult.pass("namesrv.unknown-brokers", "ns1", "every broker of cluster C is in the inventory"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "172.17.0.2:10911 | that is a Docker bridge (container) address",
            "172.20.5.9:10911 | that is a Docker bridge (container) address",
            "10.250.0.2:10911 | that is the address on the host's inner Docker bridge",
            "127.0.0.1:10911  | a loopback address is useless",
            "10.213.40.9:10911 | brokerIP1 in the broker's config differs from the inventory",
            "10.213.40.2:10999 | brokerIP1 in the broker's config differs from the inventory"})
        void wrongAddressIsFlaggedWithItsLikelyCause(String registered, String because) {
            List<CheckResult> results = RegistrationCheck.evaluate(NS, Attempt.ok(List.of(
                new Registration("C", "broker-a", 0, registered),
                new Registration("C", "broker-a", 1, "10.213.40.3:11911"))), LAYOUT);
            CheckResult master = results.get(0);
            assertThat(master.failed()).isTrue();
            assertThat(master.detail()).startsWith("registered at " + registered + ", expected 10.213.40.2:10911: " + because);
            assertThat(results.get(1).passed()).isTrue();
        }

        @Test
        void missingBrokerWrongClusterAndStrangers() {
            List<CheckResult> results = RegistrationCheck.evaluate(NS, Attempt.ok(List.of(
                new Registration("Other", "broker-a", 0, "10.213.40.2:10911"),
                new Registration("C", "broker-z", 0, "10.213.40.3:11911"),
                new Registration("Elsewhere", "broker-q", 0, "10.213.40.7:10911"))), LAYOUT);
            assertThat(results.get(0)).isEqualTo(CheckResult.fail("namesrv.registration", "broker-a/0 @ ns1",
                "registered in cluster Other, expected C (rocketmq_cluster_name)"));
            assertThat(results.get(1)).isEqualTo(CheckResult.fail("namesrv.registration", "broker-a/1 @ ns1",
                "not registered (10.213.40.3:11911 is registered as broker-z/0 in cluster C): is the broker running, and"
                    + " does its namesrvAddr include 10.213.40.1:9876?"));
            assertThat(results.get(2)).isEqualTo(CheckResult.fail("namesrv.unknown-brokers", "ns1",
                "registered but not in the inventory: broker-z/0 at 10.213.40.3:11911 in cluster C"));
        }

        @Test
        void silentNameServerSkipsItsRows() {
            List<CheckResult> results = RegistrationCheck.evaluate(NS, Attempt.failed("cannot connect"), LAYOUT);
            assertThat(results).extracting(CheckResult::outcome).containsExactly(Outcome.SKIP, Outcome.SKIP);
            assertThat(results.get(0).detail()).isEqualTo("NameServer 10.213.40.1:9876 did not answer");
        }
    }

    @Nested
    class Replication {
        final Attempt<HaStatus> slaveOk = Attempt.ok(new HaStatus(false, List.of(), "10.213.40.2:10912"));
        final Attempt<HaStatus> masterOk = Attempt.ok(new HaStatus(true,
            List.of(new HaStatus.HaConnection("10.213.40.3:51234", 128, true)), ""));

        @Test
        void bothSidesAgree() {
            assertThat(HaCheck.evaluate(SLAVE, MASTER, slaveOk, masterOk)).isEqualTo(CheckResult.pass("broker.ha",
                "broker-a/1 -> broker-a/0", "replicating from 10.213.40.2:10912, 128 bytes behind (in sync)"));
        }

        @Test
        void deadSlave() {
            CheckResult r = HaCheck.evaluate(SLAVE, MASTER, Attempt.failed("cannot connect to 10.213.40.3:11911"),
                Attempt.ok(new HaStatus(true, List.of(), "")));
            assertThat(r.failed()).isTrue();
            assertThat(r.detail()).isEqualTo("the slave does not answer at 10.213.40.3:11911 (cannot connect to"
                + " 10.213.40.3:11911); the master has no HA connection from the slave's machine 10.213.40.3");
        }

        @Test
        void slaveReplicatingFromAWrongAddress() {
            CheckResult r = HaCheck.evaluate(SLAVE, MASTER, Attempt.ok(new HaStatus(false, List.of(), "172.17.0.2:10912")),
                Attempt.ok(new HaStatus(true, List.of(new HaStatus.HaConnection("10.213.40.9:4000", 0, false)), "")));
            assertThat(r.detail()).isEqualTo("the slave replicates from 172.17.0.2:10912, expected 10.213.40.2:10912"
                + " (the master's brokerIP2:listenPort+1); the master has no HA connection from the slave's machine"
                + " 10.213.40.3 (connected: [10.213.40.9:4000])");
        }

        @Test
        void slaveWithoutMasterAddressOrRunningAsMaster() {
            assertThat(HaCheck.evaluate(SLAVE, MASTER, Attempt.ok(new HaStatus(false, List.of(), null)), masterOk).detail())
                .isEqualTo("the slave knows no master HA address (is the master registered with the slave's NameServers?)");
            assertThat(HaCheck.evaluate(SLAVE, MASTER, Attempt.ok(new HaStatus(true, List.of(), "")), masterOk).detail())
                .isEqualTo("the broker at 10.213.40.3:11911 runs as a master, not as a slave");
        }

        @Test
        void deadMaster() {
            CheckResult r = HaCheck.evaluate(SLAVE, MASTER, slaveOk, Attempt.failed("no answer in time"));
            assertThat(r.detail()).isEqualTo("the master does not answer at 10.213.40.2:10911 (no answer in time)");
        }

        @Test
        void connectionFromAnotherListedAddressOfTheSlaveMachineCounts() {
            BrokerNode multiHomed = new BrokerNode("s", "10.213.40.3", "C", "broker-a", 1, BrokerRole.SLAVE,
                FlushDiskType.ASYNC_FLUSH, 11911, "10.213.40.3", "10.213.40.3", List.of("10.213.40.3", "10.213.41.3"));
            Attempt<HaStatus> master = Attempt.ok(new HaStatus(true,
                List.of(new HaStatus.HaConnection("10.213.41.3:40000", 0, true)), ""));
            assertThat(HaCheck.evaluate(multiHomed, MASTER, slaveOk, master).passed()).isTrue();
        }
    }

    @Nested
    class Messages {
        final List<String> masters = List.of("broker-a", "broker-b");

        @Test
        void allBack() {
            RoundTrip trip = new RoundTrip(20, Map.of("broker-a", 10, "broker-b", 10), List.of(), 20, List.of(), null,
                Duration.ofMillis(1234));
            assertThat(RoundTripCheck.evaluate("C rmqfleet_verify", trip, masters)).isEqualTo(CheckResult.pass(
                "messages.roundtrip", "C rmqfleet_verify", "20/20 sent and consumed back in 1.2 s (broker-a 10, broker-b 10)"));
        }

        @Test
        void sendFailuresLossesAndSilentMasters() {
            RoundTrip trip = new RoundTrip(20, Map.of("broker-a", 10), List.of("broker-b: cannot connect to 10.213.40.9:10911",
                "broker-b: cannot connect to 10.213.40.9:10911"), 7, List.of("r-1", "r-3"), null, Duration.ofSeconds(30));
            CheckResult r = RoundTripCheck.evaluate("C t", trip, masters);
            assertThat(r.failed()).isTrue();
            assertThat(r.detail()).isEqualTo("sent 10 of 20 (2 x broker-b: cannot connect to 10.213.40.9:10911);"
                + " consumed 7 of 10 sent messages within 30.0 s; missing keys r-1, r-3; no message was stored on broker-b"
                + " [sent: broker-a 10]");
        }

        @Test
        void distinctSendErrorsAreListedOnce() {
            RoundTrip trip = new RoundTrip(4, Map.of("broker-a", 1), List.of("broker-b: x", "broker-a: SLAVE_NOT_AVAILABLE",
                "broker-b: x"), 1, List.of(), null, Duration.ofSeconds(1));
            assertThat(RoundTripCheck.evaluate("C t", trip, List.of("broker-a")).detail())
                .startsWith("sent 1 of 4 (2 x broker-b: x; broker-a: SLAVE_NOT_AVAILABLE)");
        }

        @Test
        void fewerMessagesThanMastersDoesNotRequireEveryMaster() {
            RoundTrip trip = new RoundTrip(1, Map.of("broker-a", 1), List.of(), 1, List.of(), null, Duration.ZERO);
            assertThat(RoundTripCheck.evaluate("C t", trip, masters).passed()).isTrue();
        }

        @Test
        void setupFailure() {
            CheckResult r = RoundTripCheck.evaluate("C t", RoundTrip.setupFailed(20, "cannot start producing/consuming:"
                + " No route info", Duration.ZERO), masters);
            assertThat(r).isEqualTo(CheckResult.fail("messages.roundtrip", "C t",
                "cannot start producing/consuming: No route info"));
        }
    }

    @Nested
    class ReasonsText {
        @Test
        void rocketMqMessagesLoseTheirFaqTails() {
            assertThat(Reasons.clean("CODE: 17  DESC: No topic route info in name server for the topic: t\n"
                + "See http://rocketmq.apache.org/docs/faq/ for further details."))
                .isEqualTo("No topic route info in name server for the topic: t");
        }

        @Test
        void remotingExceptionsNameTheAddress() throws Exception {
            Class<?> connect = Class.forName("org.apache.rocketmq.remoting.exception.RemotingConnectException");
            Throwable e = (Throwable) connect.getConstructor(String.class).newInstance("10.213.40.9:9876");
            assertThat(Reasons.describe(e)).isEqualTo("cannot connect to 10.213.40.9:9876");
            Class<?> timeout = Class.forName("org.apache.rocketmq.remoting.exception.RemotingTimeoutException");
            Throwable t = (Throwable) timeout.getConstructor(String.class, long.class).newInstance("10.213.40.9:9876", 3000L);
            assertThat(Reasons.describe(t)).isEqualTo("no answer in time to 10.213.40.9:9876");
        }

        @Test
        void javaNetExceptions() {
            assertThat(Reasons.describe(new java.net.ConnectException("Connection refused"))).isEqualTo("connection refused");
            assertThat(Reasons.describe(new java.net.SocketTimeoutException("Connect timed out")))
                .isEqualTo("no answer (timed out)");
            assertThat(Reasons.describe(new ProbeException("as written"))).isEqualTo("as written");
            assertThat(Reasons.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
        }
    }
}

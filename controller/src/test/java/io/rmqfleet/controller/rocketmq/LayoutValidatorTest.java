package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The layout rules on layouts built in code: each rule alone, then combinations. */
class LayoutValidatorTest {
    private static final NameServerNode NS = new NameServerNode("ns", "10.213.20.1", 9876);

    static BrokerNode broker(String host, String machine, String name, long id, BrokerRole role, int port) {
        return new BrokerNode(host, machine, "C", name, id, role, FlushDiskType.ASYNC_FLUSH, port, machine, machine,
            List.of(machine));
    }

    static BrokerNode master(String host, String machine, String name) {
        return broker(host, machine, name, 0, BrokerRole.ASYNC_MASTER, 10911);
    }

    static BrokerNode slave(String host, String machine, String name, long id) {
        return broker(host, machine, name, id, BrokerRole.SLAVE, 10911);
    }

    private static List<String> problems(List<NameServerNode> ns, List<BrokerNode> brokers, List<DashboardNode> dashboards) {
        return LayoutValidator.validate(ClusterLayout.of(ns, brokers, dashboards)).stream()
            .map(LayoutProblem::toString).toList();
    }

    private static List<String> problems(BrokerNode... brokers) {
        return problems(List.of(NS), List.of(brokers), List.of());
    }

    @Test
    void apacheSampleLayoutsAreValid() {
        // 2m-noslave, 2m-2s-async, 2m-2s-sync (slaves on the other master's machine, as in Apache's samples).
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), master("b", "10.213.20.3", "broker-b"))).isEmpty();
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), slave("as", "10.213.20.3", "broker-a", 1),
            master("b", "10.213.20.3", "broker-b").withPort(10915), slave("bs", "10.213.20.2", "broker-b", 1).withPort(10915)))
            .isEmpty();
        assertThat(problems(broker("a", "10.213.20.2", "broker-a", 0, BrokerRole.SYNC_MASTER, 10911),
            slave("as", "10.213.20.3", "broker-a", 1), broker("b", "10.213.20.4", "broker-b", 0, BrokerRole.SYNC_MASTER, 10911),
            slave("bs", "10.213.20.5", "broker-b", 2))).isEmpty();
    }

    @Test
    void noNameServer() {
        assertThat(problems(List.of(), List.of(master("a", "10.213.20.2", "broker-a")), List.of()))
            .containsExactly("inventory: no NameServer: put at least one host into the group 'namesrv'");
    }

    @Test
    void slaveWithoutMaster() {
        assertThat(problems(slave("s1", "10.213.20.2", "broker-a", 1), slave("s2", "10.213.20.3", "broker-a", 2)))
            .containsExactly("host s1: host s1: brokerName broker-a has no master: none of s1, s2 has broker_id 0");
    }

    @Test
    void twoMasters() {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), master("b", "10.213.20.3", "broker-a")))
            .containsExactly("host b: host b: brokerName broker-a has 2 masters (broker_id 0): a, b; exactly one is allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASYNC_MASTER", "SYNC_MASTER"})
    void slaveIdWithMasterRole(String role) {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"),
            broker("s", "10.213.20.3", "broker-a", 1, BrokerRole.valueOf(role), 10911)))
            .containsExactly("host s: host s: broker-a/1 is a slave (broker_id 1 > 0) but broker_role is " + role
                + ": slaves need SLAVE");
    }

    @Test
    void masterIdWithSlaveRole() {
        assertThat(problems(broker("a", "10.213.20.2", "broker-a", 0, BrokerRole.SLAVE, 10911)))
            .containsExactly("host a: host a: broker_id 0 makes broker-a/0 the master, but broker_role is SLAVE"
                + " (use ASYNC_MASTER or SYNC_MASTER, or give the slave an id > 0)");
    }

    @Test
    void duplicateSlaveIds() {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), slave("s1", "10.213.20.3", "broker-a", 1),
            slave("s2", "10.213.20.4", "broker-a", 1)))
            .containsExactly("host s2: host s2: broker_id 1 of brokerName broker-a is used by both s1 and s2:"
                + " ids must be unique per brokerName");
    }

    @Test
    void sameIdUnderDifferentBrokerNamesIsFine() {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), slave("as", "10.213.20.3", "broker-a", 1),
            master("b", "10.213.20.4", "broker-b"), slave("bs", "10.213.20.5", "broker-b", 1))).isEmpty();
    }

    @Test
    void brokerNameInTwoClusters() {
        BrokerNode m = master("a", "10.213.20.2", "broker-a");
        BrokerNode s = new BrokerNode("s", "10.213.20.3", "Other", "broker-a", 1, BrokerRole.SLAVE,
            FlushDiskType.ASYNC_FLUSH, 10911, "10.213.20.3", "10.213.20.3", List.of("10.213.20.3"));
        assertThat(problems(m, s)).containsExactly("host a: host a: brokerName broker-a is in several clusters [C, Other]"
            + " (a, s): a master and its slaves share one rocketmq_cluster_name");
    }

    /** Two brokers on one machine: which listen_port distances collide (each uses listen-2, listen, listen+1). */
    static Stream<Arguments> portDistances() {
        return Stream.of(
            Arguments.of(10911, 10911, 10911, "listen port of broker-a/0", "listen port of broker-b/0"),
            Arguments.of(10911, 10912, 10912, "HA port of broker-a/0 (listen_port 10911 + 1)", "listen port of broker-b/0"),
            Arguments.of(10911, 10913, 10911, "listen port of broker-a/0", "fast-channel port of broker-b/0 (listen_port 10913 - 2)"),
            Arguments.of(10911, 10914, 10912, "HA port of broker-a/0 (listen_port 10911 + 1)",
                "fast-channel port of broker-b/0 (listen_port 10914 - 2)"),
            Arguments.of(10911, 10908, 10909, "fast-channel port of broker-a/0 (listen_port 10911 - 2)",
                "HA port of broker-b/0 (listen_port 10908 + 1)"));
    }

    @ParameterizedTest
    @MethodSource("portDistances")
    void portCollisionsOnOneMachineCountDerivedPorts(int portA, int portB, int clash, String first, String second) {
        List<String> found = problems(master("a", "10.213.20.2", "broker-a").withPort(portA),
            master("b", "10.213.20.2", "broker-b").withPort(portB));
        assertThat(found).as("one problem per pair of hosts").hasSize(1);
        assertThat(found.get(0)).startsWith("host b: port ")
            .contains("port " + clash + " on 10.213.20.2 is needed twice: " + first + " (a) and " + second + " (b)")
            .endsWith("; hosts a and b share ansible_host 10.213.20.2: give brokers on one machine listen_port values"
                + " at least 4 apart (each uses listen_port-2, listen_port, listen_port+1)");
    }

    @Test
    void equalListenPortsClashOnAllThreePortsInOneProblem() {
        List<String> found = problems(master("a", "10.213.20.2", "broker-a"), master("b", "10.213.20.2", "broker-b"));
        assertThat(found).singleElement().asString()
            .contains("port 10909 on", "port 10911 on", "port 10912 on");
    }

    @ParameterizedTest
    @ValueSource(ints = {10915, 10920, 10907, 10900, 20911})
    void portsFourApartDoNotCollide(int portB) {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), master("b", "10.213.20.2", "broker-b").withPort(portB)))
            .isEmpty();
    }

    @Test
    void samePortsOnDifferentMachinesDoNotCollide() {
        assertThat(problems(master("a", "10.213.20.2", "broker-a"), master("b", "10.213.20.3", "broker-b"))).isEmpty();
    }

    @Test
    void brokerPortAgainstNameServerAndDashboardPorts() {
        NameServerNode ns = new NameServerNode("n", "10.213.20.2", 10909);
        DashboardNode dash = new DashboardNode("d", "10.213.20.2", 10912);
        List<String> found = problems(List.of(ns), List.of(master("a", "10.213.20.2", "broker-a")), List.of(dash));
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("host a: port 10909 on 10.213.20.2 is needed twice: NameServer port (n) and"
            + " fast-channel port of broker-a/0");
        assertThat(found.get(1)).startsWith("host d: port 10912 on 10.213.20.2 is needed twice: HA port of broker-a/0"
            + " (listen_port 10911 + 1) (a) and dashboard port (d)");
    }

    @Test
    void oneHostInSeveralGroupsClashingWithItself() {
        NameServerNode ns = new NameServerNode("x", "10.213.20.2", 8080);
        DashboardNode dash = new DashboardNode("x", "10.213.20.2", 8080);
        List<String> found = problems(List.of(ns), List.of(), List.of(dash));
        assertThat(found).singleElement().asString()
            .contains("port 8080 on 10.213.20.2 is needed twice: NameServer port (x) and dashboard port (x); host x uses it twice");
    }

    @Test
    void twoNameServersOnOneMachineNeedDifferentPorts() {
        List<String> found = problems(List.of(NS, new NameServerNode("ns2", NS.machine(), 9876)), List.of(), List.of());
        assertThat(found).singleElement().asString().startsWith("host ns2: port 9876 on 10.213.20.1 is needed twice");
        assertThat(problems(List.of(NS, new NameServerNode("ns2", NS.machine(), 9877)), List.of(), List.of())).isEmpty();
    }

    @Test
    void brokerIpMustBeAnAddressOfTheMachine() {
        BrokerNode wrong = new BrokerNode("a", "10.213.20.2", "C", "broker-a", 0, BrokerRole.ASYNC_MASTER,
            FlushDiskType.ASYNC_FLUSH, 10911, "172.17.0.2", "10.213.20.2", List.of("10.213.20.2"));
        assertThat(problems(wrong)).containsExactly("host a: host a: broker_ip1 172.17.0.2 of broker-a/0 is not an address"
            + " of its machine (ansible_host 10.213.20.2): the broker would advertise an address it does not have; list the"
            + " machine's other addresses in rocketmq_host_addresses");
    }

    @Test
    void brokerIp2IsCheckedAndHostAddressesAreHonoured() {
        BrokerNode listed = new BrokerNode("a", "10.213.20.2", "C", "broker-a", 0, BrokerRole.ASYNC_MASTER,
            FlushDiskType.ASYNC_FLUSH, 10911, "10.213.21.2", "10.213.22.2", List.of("10.213.20.2", "10.213.21.2"));
        assertThat(problems(listed)).containsExactly("host a: host a: broker_ip2 10.213.22.2 of broker-a/0 is not an address"
            + " of its machine (ansible_host 10.213.20.2, rocketmq_host_addresses [10.213.21.2]): the broker would advertise"
            + " an address it does not have; list the machine's other addresses in rocketmq_host_addresses");
    }

    @Test
    void allProblemsAreListedTogether() {
        BrokerNode wrongIp = new BrokerNode("c", "10.213.20.4", "C", "broker-c", 0, BrokerRole.ASYNC_MASTER,
            FlushDiskType.ASYNC_FLUSH, 10911, "10.250.0.2", "10.213.20.4", List.of("10.213.20.4"));
        List<String> found = problems(List.of(), List.of(master("a", "10.213.20.2", "broker-a"),
            master("a2", "10.213.20.3", "broker-a"), slave("s", "10.213.20.2", "broker-b", 1).withPort(10912), wrongIp),
            List.of());
        assertThat(found).hasSize(5);
        assertThat(found.get(0)).contains("no NameServer");
        assertThat(found.get(1)).contains("brokerName broker-a has 2 masters");
        assertThat(found.get(2)).contains("brokerName broker-b has no master");
        assertThat(found.get(3)).contains("port 10912 on 10.213.20.2 is needed twice");
        assertThat(found.get(4)).contains("broker_ip1 10.250.0.2 of broker-c/0");
    }
}

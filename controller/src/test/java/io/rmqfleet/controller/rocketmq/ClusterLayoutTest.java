package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading real inventory files (YAML and INI) into a layout, with defaults, derived values and error locations. */
class ClusterLayoutTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private ClusterLayout load(Path file) {
        return ClusterLayout.from(Inventory.load(List.of(file)));
    }

    private static final String TWO_MASTERS_TWO_SLAVES = """
        all:
          vars:
            rocketmq_cluster_name: Prod
          children:
            namesrv:
              hosts:
                h1: {ansible_host: 10.213.1.11}
                h2: {ansible_host: 10.213.1.12}
            broker:
              hosts:
                a0: {ansible_host: 10.213.1.11, broker_name: broker-a, broker_id: 0, broker_role: SYNC_MASTER, flush_disk_type: SYNC_FLUSH}
                a1: {ansible_host: 10.213.1.12, broker_name: broker-a, broker_id: 1, broker_role: SLAVE, listen_port: 11911}
                b0: {ansible_host: 10.213.1.12, broker_name: broker-b, broker_id: 0}
                b1: {ansible_host: 10.213.1.11, broker_name: broker-b, broker_id: 1, listen_port: 11911}
            dashboard:
              hosts:
                h1:
        """;

    @Test
    void readsNameServersBrokersAndDashboardsWithDefaultsAndDerivedPorts() throws IOException {
        ClusterLayout layout = load(write("cluster.yml", TWO_MASTERS_TWO_SLAVES));

        assertThat(layout.nameServers()).containsExactly(
            new NameServerNode("h1", "10.213.1.11", 9876), new NameServerNode("h2", "10.213.1.12", 9876));
        assertThat(layout.namesrvAddr()).isEqualTo("10.213.1.11:9876;10.213.1.12:9876");
        assertThat(layout.dashboards()).containsExactly(new DashboardNode("h1", "10.213.1.11", 8080));
        assertThat(layout.dashboards().get(0).url()).isEqualTo("http://10.213.1.11:8080/");

        BrokerNode a0 = layout.brokers().get(0);
        assertThat(a0).isEqualTo(new BrokerNode("a0", "10.213.1.11", "Prod", "broker-a", 0, BrokerRole.SYNC_MASTER,
            FlushDiskType.SYNC_FLUSH, 10911, "10.213.1.11", "10.213.1.11", List.of("10.213.1.11")));
        assertThat(a0.fastPort()).isEqualTo(10909);
        assertThat(a0.haPort()).isEqualTo(10912);
        assertThat(a0.address()).isEqualTo("10.213.1.11:10911");
        assertThat(a0.haAddress()).isEqualTo("10.213.1.11:10912");
        assertThat(a0.label()).isEqualTo("broker-a/0");

        BrokerNode a1 = layout.brokers().get(1);
        assertThat(a1.isMaster()).isFalse();
        assertThat(a1.listenPort()).isEqualTo(11911);
        assertThat(a1.fastPort()).isEqualTo(11909);
        assertThat(a1.haPort()).isEqualTo(11912);
        assertThat(a1.flushDiskType()).isEqualTo(FlushDiskType.ASYNC_FLUSH);

        BrokerNode b0 = layout.brokers().get(2);
        assertThat(b0.role()).as("unset role of id 0").isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(layout.brokers().get(3).role()).as("unset role of id > 0").isEqualTo(BrokerRole.SLAVE);

        assertThat(layout.masters()).extracting(BrokerNode::host).containsExactly("a0", "b0");
        assertThat(layout.slaves()).extracting(BrokerNode::host).containsExactly("a1", "b1");
        assertThat(layout.masterOf(a1)).contains(a0);
        assertThat(layout.clusterNames()).containsExactly("Prod");
    }

    @Test
    void iniInventoryWithGroupVarsAndExplicitAddresses() throws IOException {
        Path inv = write("hosts.ini", """
            [namesrv]
            ns1 ansible_host=10.213.2.10 namesrv_port=19876

            [broker]
            m1 ansible_host=10.213.2.11 broker_name=broker-a broker_id=0 broker_ip1=10.213.3.11 rocketmq_host_addresses=10.213.3.11,10.213.4.11 broker_ip2=10.213.4.11
            s1 ansible_host=10.213.2.12 broker_name=broker-a broker_id=1

            [broker:vars]
            rocketmq_cluster_name=IniCluster
            """);
        ClusterLayout layout = load(inv);
        assertThat(layout.nameServers()).containsExactly(new NameServerNode("ns1", "10.213.2.10", 19876));
        BrokerNode m1 = layout.brokers().get(0);
        assertThat(m1.clusterName()).isEqualTo("IniCluster");
        assertThat(m1.brokerIp1()).isEqualTo("10.213.3.11");
        assertThat(m1.brokerIp2()).isEqualTo("10.213.4.11");
        assertThat(m1.address()).isEqualTo("10.213.3.11:10911");
        assertThat(m1.haAddress()).isEqualTo("10.213.4.11:10912");
        assertThat(m1.knownAddresses()).containsExactly("10.213.2.11", "10.213.3.11", "10.213.4.11");
        assertThat(layout.brokers().get(1).brokerIp2()).isEqualTo("10.213.2.12");
    }

    @Test
    void brokerIp2FollowsBrokerIp1() throws IOException {
        ClusterLayout layout = load(write("ip2.yml", """
            namesrv:
              hosts:
                n: {ansible_host: 10.213.2.10}
            broker:
              hosts:
                b: {ansible_host: 10.213.2.11, broker_name: broker-a, broker_id: 0, broker_ip1: 10.213.3.11,
                    rocketmq_host_addresses: [10.213.3.11]}
            """));
        assertThat(layout.brokers().get(0).brokerIp2()).isEqualTo("10.213.3.11");
        assertThat(layout.brokers().get(0).haAddress()).isEqualTo("10.213.3.11:10912");
    }

    @Test
    void groupVarsDirectoryApplies() throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        write("group_vars/broker.yml", "rocketmq_cluster_name: FromGroupVars\nflush_disk_type: SYNC_FLUSH\n");
        ClusterLayout layout = load(write("inv.yml", """
            namesrv:
              hosts:
                n: {ansible_host: 10.213.5.1}
            broker:
              hosts:
                b: {ansible_host: 10.213.5.2, broker_name: broker-a, broker_id: 0}
            """));
        assertThat(layout.brokers().get(0).clusterName()).isEqualTo("FromGroupVars");
        assertThat(layout.brokers().get(0).flushDiskType()).isEqualTo(FlushDiskType.SYNC_FLUSH);
    }

    @Test
    void severalBrokersOnOneMachineWithSeparatePortsAreValid() throws IOException {
        ClusterLayout layout = load(write("one-machine.yml", """
            namesrv:
              hosts:
                ns: {ansible_host: 10.213.6.1}
            broker:
              hosts:
                a-master: {ansible_host: 10.213.6.1, broker_name: broker-a, broker_id: 0}
                a-slave: {ansible_host: 10.213.6.1, broker_name: broker-a, broker_id: 1, listen_port: 10915}
            dashboard:
              hosts:
                ns:
            """));
        assertThat(layout.brokers()).extracting(BrokerNode::listenPort).containsExactly(10911, 10915);
    }

    @Test
    void everyProblemIsReportedWithTheHostsInventoryLine() throws IOException {
        Path inv = write("broken.yml", """
            broker:
              hosts:
                a0:
                  ansible_host: 10.213.7.1
                  broker_name: broker-a
                  broker_id: 0
                  broker_role: SLAVE
                a1:
                  ansible_host: 10.213.7.2
                  broker_name: broker-a
                  broker_id: 1
                  broker_role: ASYNC_MASTER
                  flush_disk_type: FAST_FLUSH
                a2:
                  ansible_host: 10.213.7.3
                  broker_name: broker-a
                  broker_id: two
            """);
        assertThatThrownBy(() -> load(inv))
            .isInstanceOfSatisfying(InvalidLayoutException.class, e -> {
                String text = e.describe();
                // a1 is left out after its unreadable variable, so its role (a master role on a slave) is not judged.
                assertThat(text.lines()).hasSize(4);
                assertThat(text).contains(inv + ":3: host a0: broker_id 0 makes broker-a/0 the master, but broker_role is SLAVE");
                assertThat(text).contains(inv + ":8: host a1: flush_disk_type must be one of ASYNC_FLUSH, SYNC_FLUSH, got 'FAST_FLUSH'");
                assertThat(text).contains(inv + ":14: host a2: broker_id must be a whole number, got 'two'");
                assertThat(text).contains(inv + ": no NameServer: put at least one host into the group 'namesrv'");
                assertThat(e.location().file()).isEqualTo(inv.toString());
            });
    }

    @Test
    void iniHostLinesAreFound() throws IOException {
        Path inv = write("hosts", """
            # comment mentioning b2
            [namesrv]
            n1 ansible_host=10.213.8.1

            [broker]
            b1 ansible_host=10.213.8.2 broker_name=broker-a broker_id=0
            b2 ansible_host=10.213.8.3 broker_name=broker-a broker_id=0
            """);
        assertThatThrownBy(() -> load(inv)).isInstanceOfSatisfying(InvalidLayoutException.class, e ->
            assertThat(e.describe()).isEqualTo(inv + ":7: host b2: brokerName broker-a has 2 masters (broker_id 0): b1, b2;"
                + " exactly one is allowed"));
    }

    @Test
    void missingRequiredVariablesAndTemplatesAreProblems() throws IOException {
        Path inv = write("missing.yml", """
            namesrv:
              hosts:
                n: {ansible_host: 10.213.9.1}
            broker:
              hosts:
                b:
                  ansible_host: 10.213.9.2
                  broker_ip1: "{{ ansible_host }}"
            """);
        assertThatThrownBy(() -> load(inv)).isInstanceOfSatisfying(InvalidLayoutException.class, e ->
            assertThat(e.problems()).extracting(LayoutProblem::message).containsExactly(
                "host b: broker_name is not set",
                "host b: broker_id is not set",
                "host b: broker_ip1 is a template ({{ ansible_host }}): rmqfleet reads cluster variables literally, write the value"));
    }

    @Test
    void clusterVariablesAreCheckedOncePerMistake() throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        write("group_vars/all.yml", """
            rocketmq_image_source: download
            rocketmq_broker_heap: 2 GB
            rocketmq_namesrv_heap: 128m
            rocketmq_delete_when: "25"
            rocketmq_file_reserved_time: 0
            rocketmq_data_root: relative/dir
            rocketmq_cluster_name: "my cluster"
            """);
        Path inv = write("inv.yml", """
            namesrv:
              hosts:
                n: {ansible_host: 10.213.10.1}
            broker:
              hosts:
                b: {ansible_host: 10.213.10.2, broker_name: broker-a, broker_id: 0}
            """);
        assertThatThrownBy(() -> load(inv)).isInstanceOfSatisfying(InvalidLayoutException.class, e ->
            assertThat(e.problems()).extracting(LayoutProblem::message).containsExactly(
                "host n: rocketmq_cluster_name must be letters, digits, '-' or '_', got 'my cluster'",
                "host n: rocketmq_delete_when must be hours of the day separated by ';' (e.g. 04 or 04;16), got '25'",
                "host n: rocketmq_file_reserved_time must be between 1 and 87600, got 0",
                "host n: rocketmq_broker_heap must be a JVM memory size such as 256m or 2g, got '2 GB'",
                "host n: rocketmq_image_source must be pull or ship, got 'download'",
                "host n: rocketmq_data_root must be an absolute directory other than /, got 'relative/dir'",
                "host b: rocketmq_cluster_name must be letters, digits, '-' or '_', got 'my cluster'",
                "host b: rocketmq_delete_when must be hours of the day separated by ';' (e.g. 04 or 04;16), got '25'",
                "host b: rocketmq_file_reserved_time must be between 1 and 87600, got 0",
                "host b: rocketmq_broker_heap must be a JVM memory size such as 256m or 2g, got '2 GB'",
                "host b: rocketmq_image_source must be pull or ship, got 'download'",
                "host b: rocketmq_data_root must be an absolute directory other than /, got 'relative/dir'"));
    }

    @Test
    void listenPortMustLeaveRoomForDerivedPorts() throws IOException {
        Path inv = write("ports.yml", """
            namesrv:
              hosts:
                n: {ansible_host: 10.213.11.1, namesrv_port: 70000}
            broker:
              hosts:
                b: {ansible_host: 10.213.11.2, broker_name: broker-a, broker_id: 0, listen_port: 65535}
                c: {ansible_host: 10.213.11.3, broker_name: broker-c, broker_id: 0, listen_port: 2}
            """);
        assertThatThrownBy(() -> load(inv)).isInstanceOfSatisfying(InvalidLayoutException.class, e ->
            assertThat(e.problems()).extracting(LayoutProblem::message).containsExactly(
                "host n: namesrv_port must be between 1 and 65535, got 70000",
                "host b: listen_port must be between 3 and 65534, got 65535",
                "host c: listen_port must be between 3 and 65534, got 2",
                "no NameServer: put at least one host into the group 'namesrv'"));
    }

    @Test
    void deleteWhenAcceptsNumbersAndSeveralHours() throws IOException {
        Path inv = write("ok.yml", """
            all:
              vars:
                rocketmq_delete_when: 4
                rocketmq_file_reserved_time: "72"
              children:
                namesrv:
                  hosts:
                    n: {ansible_host: 10.213.12.1}
                    m: {ansible_host: 10.213.12.2, rocketmq_delete_when: "04;16"}
            """);
        assertThat(load(inv).nameServers()).hasSize(2);
    }
}

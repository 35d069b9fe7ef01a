package io.rmqfleet.controller.state.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetLayoutReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTopologyAddressesPortsAndGroupVars() throws Exception {
        Path inv = dir.resolve("hosts.ini");
        Files.writeString(inv, """
                [namesrv]
                ns1 ansible_host=10.213.0.11
                ns2 ansible_host=10.213.0.12 namesrv_port=9877

                [broker]
                a-m ansible_host=10.213.0.13 broker_name=broker-a broker_id=0 broker_role=SYNC_MASTER
                a-s ansible_host=10.213.0.14 broker_name=broker-a broker_id=1
                b-m ansible_host=10.213.0.13 broker_name=broker-b broker_id=0 listen_port=10921

                [dashboard]
                ns1

                [rocketmq:children]
                namesrv
                broker

                [rocketmq:vars]
                rocketmq_cluster_name=Prod
                """);
        FleetLayout layout = FleetLayoutReader.read(Inventory.load(List.of(inv)));

        assertThat(layout.nameServers()).containsExactly(new NameServerSpec("ns1", "10.213.0.11", 9876),
                new NameServerSpec("ns2", "10.213.0.12", 9877));
        assertThat(layout.brokers()).containsExactly(
                new BrokerSpec("a-m", "10.213.0.13", "Prod", "broker-a", 0, "SYNC_MASTER", 10911),
                new BrokerSpec("a-s", "10.213.0.14", "Prod", "broker-a", 1, "SLAVE", 10911),
                new BrokerSpec("b-m", "10.213.0.13", "Prod", "broker-b", 0, "ASYNC_MASTER", 10921));
        assertThat(layout.dashboards()).containsExactly(new DashboardSpec("ns1", "10.213.0.11", 8080));
        assertThat(layout.machineOf("b-m").hosts()).containsExactly("a-m", "b-m");
        assertThat(layout.machineOf("a-m").expected()).extracting(ExpectedContainer::name)
                .containsExactly("rmqbroker-broker-a-0", "rmqbroker-broker-b-0", "rmqfleet-agent");
        assertThat(layout.clusterNames()).containsExactly("Prod");
        assertThat(layout.warnings()).isEmpty();
    }

    @Test
    void gapsBecomeWarningsAndDefaults() throws Exception {
        Path inv = dir.resolve("hosts.ini");
        Files.writeString(inv, """
                [broker]
                lonely ansible_host=10.213.0.20 listen_port=not-a-port
                [agent]
                watcher ansible_host=10.213.0.21
                """);
        FleetLayout layout = FleetLayoutReader.read(Inventory.load(List.of(inv)));

        assertThat(layout.brokers()).containsExactly(
                new BrokerSpec("lonely", "10.213.0.20", "DefaultCluster", "lonely", 0, "ASYNC_MASTER", 10911));
        assertThat(layout.warnings()).containsExactly(
                "lonely: broker_name is not set; using the host name",
                "lonely: broker_id is not set; assuming 0 (master)",
                "lonely: listen_port is not a port number: not-a-port; using 10911");
        assertThat(layout.machineOf("watcher").expected()).extracting(ExpectedContainer::name)
                .containsExactly("rmqfleet-agent");
    }

    @Test
    void brokerNamesAreMadeSafeForDocker() {
        assertThat(ContainerNames.broker("broker a/1", 2)).isEqualTo("rmqbroker-broker_a_1-2");
        assertThat(ContainerNames.isBroker("rmqbroker-x-0")).isTrue();
        assertThat(ContainerNames.isBroker(ContainerNames.NAMESRV)).isFalse();
    }
}

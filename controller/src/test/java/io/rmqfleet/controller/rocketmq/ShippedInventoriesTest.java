package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rmqfleet.controller.inventory.Inventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The inventories shipped in inventory/ (the demo layout and Apache's sample layouts) are valid clusters: loaded by
 * the real inventory loader (with their group_vars), read and validated exactly as {@code verify} and
 * {@code apply} do, and they describe the brokers their names promise.
 */
class ShippedInventoriesTest {
    private static final Path INVENTORY_DIR = Path.of("..", "inventory");

    private static LayoutReader.Result read(String file) {
        Path path = INVENTORY_DIR.resolve(file);
        assertThat(path).exists();
        return new LayoutReader(Inventory.load(List.of(path))).read();
    }

    /** Reads, validates and returns the layout, failing with every problem found. */
    private static ClusterLayout valid(String file) {
        LayoutReader.Result read = read(file);
        assertThat(read.problems()).as(file + ": reading").isEmpty();
        assertThat(LayoutValidator.validate(read.layout())).as(file + ": validation").isEmpty();
        // The public entry point used by verify agrees.
        return ClusterLayout.from(Inventory.load(List.of(INVENTORY_DIR.resolve(file))));
    }

    @Test
    void twoMastersNoSlave() {
        ClusterLayout layout = valid("examples/2m-noslave.yml");
        assertThat(layout.nameServers()).extracting(NameServerNode::machine)
            .containsExactly("10.213.0.21", "10.213.0.22");
        assertThat(layout.brokers()).extracting(BrokerNode::brokerName, BrokerNode::brokerId, BrokerNode::role)
            .containsExactly(tuple("broker-a", 0L, BrokerRole.ASYNC_MASTER), tuple("broker-b", 0L, BrokerRole.ASYNC_MASTER));
        assertThat(layout.slaves()).isEmpty();
        assertThat(layout.dashboards()).extracting(DashboardNode::url).containsExactly("http://10.213.0.21:8080/");
    }

    @Test
    void twoMastersTwoAsyncSlaves() {
        ClusterLayout layout = valid("examples/2m-2s-async.yml");
        assertThat(layout.brokers()).extracting(BrokerNode::host, BrokerNode::brokerName, BrokerNode::brokerId,
                BrokerNode::role)
            .containsExactly(
                tuple("broker-a", "broker-a", 0L, BrokerRole.ASYNC_MASTER),
                tuple("broker-b", "broker-b", 0L, BrokerRole.ASYNC_MASTER),
                tuple("broker-a-s", "broker-a", 1L, BrokerRole.SLAVE),
                tuple("broker-b-s", "broker-b", 1L, BrokerRole.SLAVE));
        assertSlavesAwayFromTheirMasters(layout);
    }

    @Test
    void twoMastersTwoSyncSlaves() {
        ClusterLayout layout = valid("examples/2m-2s-sync.yml");
        assertThat(layout.brokers()).extracting(BrokerNode::host, BrokerNode::brokerId, BrokerNode::role,
                BrokerNode::flushDiskType)
            .containsExactly(
                tuple("broker-a", 0L, BrokerRole.SYNC_MASTER, FlushDiskType.ASYNC_FLUSH),
                tuple("broker-b", 0L, BrokerRole.SYNC_MASTER, FlushDiskType.ASYNC_FLUSH),
                tuple("broker-a-s", 1L, BrokerRole.SLAVE, FlushDiskType.ASYNC_FLUSH),
                tuple("broker-b-s", 1L, BrokerRole.SLAVE, FlushDiskType.ASYNC_FLUSH));
        assertSlavesAwayFromTheirMasters(layout);
    }

    @Test
    void examplesTakeTheClusterSettingsFromTheirGroupVars() {
        for (String file : List.of("examples/2m-noslave.yml", "examples/2m-2s-async.yml", "examples/2m-2s-sync.yml")) {
            Inventory inventory = Inventory.load(List.of(INVENTORY_DIR.resolve(file)));
            assertThat(inventory.host("broker-a").orElseThrow().mergedVars())
                .as(file)
                .containsEntry(ClusterDefaults.FILE_RESERVED_TIME, 48L)
                .containsEntry(ClusterDefaults.DELETE_WHEN, "04")
                .containsEntry(ClusterDefaults.IMAGE_SOURCE, "ship");
        }
    }

    @Test
    void demoLayoutHasTwoNameServersTwoMastersWithSlavesAndADashboard() {
        ClusterLayout layout = valid("demo.yml");
        assertThat(layout.namesrvAddr()).isEqualTo("10.213.0.11:9876;10.213.0.12:9876");
        assertThat(layout.brokers()).extracting(BrokerNode::host, BrokerNode::label, BrokerNode::role,
                BrokerNode::address)
            .containsExactly(
                tuple("host1", "broker-a/0", BrokerRole.ASYNC_MASTER, "10.213.0.11:10911"),
                tuple("host2", "broker-b/0", BrokerRole.ASYNC_MASTER, "10.213.0.12:10911"),
                tuple("host3", "broker-a/1", BrokerRole.SLAVE, "10.213.0.13:10911"),
                tuple("host3-b", "broker-b/1", BrokerRole.SLAVE, "10.213.0.13:11911"));
        assertThat(layout.dashboards()).extracting(DashboardNode::url).containsExactly("http://10.213.0.13:8080/");
        assertSlavesAwayFromTheirMasters(layout);
    }

    @Test
    void everyShippedAddressIsInTheProjectsTestNetwork() throws Exception {
        try (var files = Files.walk(INVENTORY_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                var matcher = java.util.regex.Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b")
                    .matcher(Files.readString(file));
                while (matcher.find()) {
                    assertThat(matcher.group()).as(file.toString()).startsWith("10.213.0.");
                }
            }
        }
    }

    private static void assertSlavesAwayFromTheirMasters(ClusterLayout layout) {
        assertThat(layout.slaves()).isNotEmpty();
        for (BrokerNode slave : layout.slaves()) {
            assertThat(slave.machine()).as(slave.label())
                .isNotEqualTo(layout.masterOf(slave).orElseThrow().machine());
        }
    }
}

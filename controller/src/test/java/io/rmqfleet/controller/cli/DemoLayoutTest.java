package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoLayoutTest {

    private static Map<String, Map<String, Object>> hosts(int n) {
        Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            hosts.put("host" + i, Map.of("ansible_host", "10.213.0." + (10 + i)));
        }
        return hosts;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> group(Map<String, Object> inventory, String name) {
        Map<String, Object> all = (Map<String, Object>) inventory.get("all");
        Map<String, Object> children = (Map<String, Object>) all.get("children");
        Map<String, Object> group = (Map<String, Object>) children.get(name);
        return group == null ? null : (Map<String, Map<String, Object>>) group.get("hosts");
    }

    @Test
    void threeHostsPutBothSlavesOnHost3WithDistinctPorts() {
        Map<String, Object> inv = DemoLayout.inventory(hosts(3));

        assertThat(group(inv, "namesrv")).containsOnlyKeys("host1", "host2");
        Map<String, Map<String, Object>> brokers = group(inv, "broker");
        assertThat(brokers).containsOnlyKeys("host1", "host2", "host3", "host3-b");
        assertThat(brokers.get("host1")).containsEntry("broker_name", "broker-a").containsEntry("broker_id", 0)
                .containsEntry("broker_role", "ASYNC_MASTER");
        assertThat(brokers.get("host3")).containsEntry("broker_name", "broker-a").containsEntry("broker_id", 1)
                .containsEntry("broker_role", "SLAVE").doesNotContainKey("listen_port");
        assertThat(brokers.get("host3-b")).containsEntry("broker_name", "broker-b").containsEntry("broker_id", 1)
                .containsEntry("listen_port", DemoLayout.SECOND_INSTANCE_PORT)
                .containsEntry("ansible_host", "10.213.0.13");
        assertThat(group(inv, "extra_instances")).containsOnlyKeys("host3-b");
        // one agent per machine: the alias host3-b shares host3's
        assertThat(group(inv, "agent")).containsOnlyKeys("host1", "host2", "host3");
    }

    @Test
    void slavesNeverShareAMachineWithTheirMaster() {
        for (int n = 2; n <= 5; n++) {
            Map<String, Map<String, Object>> brokers = group(DemoLayout.inventory(hosts(n)), "broker");
            Map<String, Object> masterHost = new LinkedHashMap<>();
            brokers.values().stream().filter(v -> Integer.valueOf(0).equals(v.get("broker_id")))
                    .forEach(v -> masterHost.put((String) v.get("broker_name"), v.get("ansible_host")));
            brokers.values().stream().filter(v -> Integer.valueOf(1).equals(v.get("broker_id")))
                    .forEach(v -> assertThat(v.get("ansible_host"))
                            .as("slave of %s with %d hosts", v.get("broker_name"), hosts(0).size())
                            .isNotEqualTo(masterHost.get(v.get("broker_name"))));
        }
    }

    @Test
    void fourHostsNeedNoExtraInstances() {
        Map<String, Object> inv = DemoLayout.inventory(hosts(4));
        assertThat(group(inv, "broker")).containsOnlyKeys("host1", "host2", "host3", "host4");
        assertThat(group(inv, "extra_instances")).isNull();
        assertThat(group(inv, "agent")).containsOnlyKeys("host1", "host2", "host3", "host4");
    }

    @Test
    void dashboardRunsOnTheThirdHostOrTheLastOne() {
        assertThat(group(DemoLayout.inventory(hosts(2)), "dashboard")).containsOnlyKeys("host2");
        assertThat(group(DemoLayout.inventory(hosts(3)), "dashboard")).containsOnlyKeys("host3");
        assertThat(group(DemoLayout.inventory(hosts(5)), "dashboard")).containsOnlyKeys("host3");
        assertThat(group(DemoLayout.inventory(hosts(3)), "dashboard").get("host3"))
                .containsEntry("ansible_host", "10.213.0.13").doesNotContainKey("broker_name");
    }

    @Test
    void oneHostIsNotEnough() {
        assertThatThrownBy(() -> DemoLayout.inventory(hosts(1))).hasMessageContaining("at least 2 hosts");
    }
}

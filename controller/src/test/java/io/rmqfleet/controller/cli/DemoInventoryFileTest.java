package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inventory/demo.yml documents what {@code rmqfleet demo} deploys: the same hosts, groups and variables. */
class DemoInventoryFileTest {

    @TempDir
    Path dir;

    @Test
    void shippedDemoInventoryMatchesWhatDemoWrites() throws IOException {
        Map<String, Map<String, Object>> machines = new LinkedHashMap<>();
        for (int i = 1; i <= 3; i++) {
            machines.put("host" + i, Map.of("ansible_host", "10.213.0." + (10 + i)));
        }
        Path written = dir.resolve("demo.yml");
        Files.writeString(written, new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).writeValueAsString(DemoLayout.inventory(machines)));

        Inventory generated = Inventory.load(List.of(written));
        Inventory shipped = Inventory.load(List.of(Path.of("..", "inventory", "demo.yml")));

        for (String group : List.of("namesrv", "broker", "extra_instances", "dashboard")) {
            assertThat(shipped.groupHosts(group)).as(group).containsExactlyElementsOf(generated.groupHosts(group));
        }
        for (String host : generated.groupHosts("all")) {
            assertThat(shipped.host(host).orElseThrow().mergedVars()).as(host)
                .containsExactlyInAnyOrderEntriesOf(generated.host(host).orElseThrow().mergedVars());
        }
    }
}

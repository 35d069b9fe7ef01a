package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The playbook roles' defaults and ClusterDefaults (what verify and validation assume) never drift apart. */
class RoleDefaultsTest {

    @Test
    void everyRoleDefaultOfAClusterVariableEqualsClusterDefaults() throws IOException {
        Path roles = Path.of("..", "playbooks", "roles");
        Map<String, String> found = new LinkedHashMap<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (Stream<Path> files = Files.list(roles)) {
            for (Path role : files.sorted().toList()) {
                Path defaults = role.resolve("defaults").resolve("main.yml");
                if (!Files.exists(defaults)) {
                    continue;
                }
                JsonNode doc = yaml.readTree(defaults.toFile());
                for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (ClusterDefaults.defaults().containsKey(e.getKey())) {
                        found.put(e.getKey(), e.getValue().asText());
                        assertThat(e.getValue().asText()).as(defaults + ": " + e.getKey())
                            .isEqualTo(String.valueOf(ClusterDefaults.defaults().get(e.getKey())));
                    }
                }
            }
        }
        // The cluster-wide ones live in rocketmq_common; the dashboard role (and dashboard_port) come later.
        assertThat(found).containsKeys(ClusterDefaults.CLUSTER_NAME, ClusterDefaults.DELETE_WHEN,
            ClusterDefaults.FILE_RESERVED_TIME, ClusterDefaults.NAMESRV_HEAP, ClusterDefaults.BROKER_HEAP,
            ClusterDefaults.BROKER_DIRECT_MEMORY, ClusterDefaults.IMAGE, ClusterDefaults.IMAGE_SOURCE,
            ClusterDefaults.DATA_ROOT, ClusterDefaults.NAMESRV_PORT, ClusterDefaults.LISTEN_PORT,
            ClusterDefaults.FLUSH_DISK_TYPE);
    }
}

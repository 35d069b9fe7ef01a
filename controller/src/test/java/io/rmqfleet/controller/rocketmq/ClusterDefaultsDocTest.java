package io.rmqfleet.controller.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cluster-inventory.md and ClusterDefaults name the same variables with the same defaults. */
class ClusterDefaultsDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9_]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

    @Test
    void clusterVariablesTableMatchesTheDefaults() throws IOException {
        Path doc = Path.of("..", "docs", "cluster-inventory.md");
        String text = Files.readString(doc);
        String table = text.substring(text.indexOf("## Cluster variables"), text.indexOf("## Validation"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            documented.put(m.group(1), m.group(2));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        ClusterDefaults.defaults().forEach((k, v) -> defaults.put(k, String.valueOf(v)));
        assertThat(documented).containsExactlyEntriesOf(defaults);
    }

    @Test
    void perBrokerVariablesAreDocumented() throws IOException {
        String text = Files.readString(Path.of("..", "docs", "cluster-inventory.md"));
        for (String name : new String[] {ClusterDefaults.BROKER_NAME, ClusterDefaults.BROKER_ID, ClusterDefaults.BROKER_ROLE,
            ClusterDefaults.FLUSH_DISK_TYPE, ClusterDefaults.LISTEN_PORT, ClusterDefaults.BROKER_IP1, ClusterDefaults.BROKER_IP2,
            ClusterDefaults.HOST_ADDRESSES, ClusterDefaults.NAMESRV_GROUP, ClusterDefaults.BROKER_GROUP,
            ClusterDefaults.DASHBOARD_GROUP, ClusterDefaults.AGENT_GROUP}) {
            assertThat(text).contains("`" + name + "`");
        }
    }
}

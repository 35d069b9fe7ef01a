package io.rmqfleet.controller.http.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServeConfigParserTest {
    static final Path FILE = Path.of("/etc/rmqfleet/serve.yml");
    static final Path DIR = Path.of("/etc/rmqfleet");

    @Test
    void defaultsListenOnLoopbackWithStateUnderTheBaseDirectory() {
        ServeConfig c = ServeConfigParser.defaults(Path.of("/srv/ops"));
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8480);
        assertThat(c.adminTokenFile()).isEqualTo(Path.of("/srv/ops/.rmqfleet/serve/admin.token"));
        assertThat(c.agentTokensFile()).isNull();
        assertThat(c.database()).isEqualTo(Path.of("/srv/ops/.rmqfleet/serve/state"));
        assertThat(c.liveness().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.liveness().grace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.liveness().failoverGrace()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.driftInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.reportBodyLimit()).isEqualTo(1024 * 1024);
        assertThat(c.metricsPublic()).isFalse();
        assertThat(c.inventories()).isEmpty();
    }

    @Test
    void readsEverySettingAndResolvesPathsAgainstTheFilesDirectory() {
        ServeConfig c = ServeConfigParser.parse(FILE, """
                listen:
                  host: 127.0.0.2
                  port: 9000
                admin_token_file: secrets/admin.token
                agent_tokens_file: /var/lib/rmqfleet/agents.yml
                inventory: [inventory/prod, "h1,h2,"]
                database: state/db
                drift: {interval: 2m}
                liveness: {interval: 500ms, grace: 10s, failover_grace: 1h}
                retention:
                  events_max_rows: 1000
                  events_max_age: 7d
                  runs_max: 50
                  runs_max_age: 30d
                  drift_checks_max: 10
                  prune_interval: 90
                limits: {report_body: 256KiB, run_body: 4MiB}
                metrics_public: true
                persist_interval: 2s
                """, DIR);
        assertThat(c.host()).isEqualTo("127.0.0.2");
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.adminTokenFile()).isEqualTo(Path.of("/etc/rmqfleet/secrets/admin.token"));
        assertThat(c.agentTokensFile()).isEqualTo(Path.of("/var/lib/rmqfleet/agents.yml"));
        assertThat(c.inventories()).containsExactly("/etc/rmqfleet/inventory/prod", "h1,h2,");
        assertThat(c.database()).isEqualTo(Path.of("/etc/rmqfleet/state/db"));
        assertThat(c.driftInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.liveness().interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.liveness().failoverGrace()).isEqualTo(Duration.ofHours(1));
        assertThat(c.retention().maxEvents()).isEqualTo(1000);
        assertThat(c.retention().maxEventAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.retention().maxRuns()).isEqualTo(50);
        assertThat(c.retention().maxDriftChecks()).isEqualTo(10);
        assertThat(c.pruneInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.reportBodyLimit()).isEqualTo(256 * 1024);
        assertThat(c.runBodyLimit()).isEqualTo(4 * 1024 * 1024);
        assertThat(c.metricsPublic()).isTrue();
        assertThat(c.persistInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void unknownKeysWrongTypesAndBadValuesNameFileLineAndColumn() {
        assertError("listen:\n  host: 127.0.0.1\n  prot: 8080\n",
                "/etc/rmqfleet/serve.yml:3:3: unknown setting 'prot' in listen; known: host, port");
        assertError("liveness:\n  interval: soon\n",
                "/etc/rmqfleet/serve.yml:2:13: expected a duration such as 500ms, 5s, 2m, 1h or 30d, got \"soon\"");
        assertError("liveness: {interval: 10ms}\n", "/etc/rmqfleet/serve.yml:1:22: must be at least 100ms, got 10ms");
        assertError("listen: {port: 70000}\n",
                "/etc/rmqfleet/serve.yml:1:16: expected an integer from 0 to 65535, got 70000");
        assertError("metrics_public: maybe\n", "/etc/rmqfleet/serve.yml:1:17: expected true or false, got \"maybe\"");
        assertError("inventory: {a: 1}\n", "/etc/rmqfleet/serve.yml:1:12: expected an inventory path or a list of them");
        assertError("- just\n- a list\n", "/etc/rmqfleet/serve.yml:1:1: expected a mapping of settings");
        assertError("listen: [\n", "/etc/rmqfleet/serve.yml:1:10: invalid YAML: while parsing a flow node; expected");
        assertError("drift: {interval: 5s}\ndrift: {interval: 6s}\n", "/etc/rmqfleet/serve.yml:2:1: duplicate key 'drift'");
    }

    @Test
    void anEmptyFileMeansDefaults() {
        assertThat(ServeConfigParser.parse(FILE, "", DIR).port()).isEqualTo(8480);
    }

    @Test
    void parsesDurationsAndSizes() {
        assertThat(Units.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.duration("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(Units.duration("3d")).isEqualTo(Duration.ofDays(3));
        assertThat(Units.duration("-5s")).isNull();
        assertThat(Units.duration("5 weeks")).isNull();
        assertThat(Units.size("2MiB")).isEqualTo(2L * 1024 * 1024);
        assertThat(Units.size("10k")).isEqualTo(10240L);
        assertThat(Units.size("1g")).isEqualTo(1L << 30);
        assertThat(Units.size("1.5MiB")).isNull();
    }

    static void assertError(String yaml, String expectedStart) {
        assertThatThrownBy(() -> ServeConfigParser.parse(FILE, yaml, DIR))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(expectedStart));
    }
}

package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec normalization, canonical JSON and hash, the docker run command line, and reading docker inspect back. */
class ContainerSpecTest {

    /** The arguments the fixture docker-inspect-broker.json was created with (see its docker create line). */
    static Map<String, Object> brokerArgs() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("name", "rmqfleet-modules-fixture");
        args.put("image", "rmqfleet/rocketmq:5.3.3");
        args.put("command", "sh mqbroker -c /home/rocketmq/broker.conf");
        args.put("env", Map.of("NAMESRV_ADDR", "10.213.0.11:9876;10.213.0.12:9876", "JAVA_OPT_EXT", "-Xmx256m"));
        args.put("ports", List.of("10911:10911", "127.0.0.1:8080:8080", "53/udp", 9999));
        args.put("volumes", List.of("/srv/rmq/logs:/home/rocketmq/logs", "rmqstore:/home/rocketmq/store:ro"));
        args.put("restart_policy", "on-failure");
        args.put("restart_retries", 3);
        args.put("user", "3000");
        args.put("labels", Map.of("team", "mq"));
        args.put("healthcheck", Map.of("test", "nc -z localhost 10911", "interval", "10s", "timeout", "3s",
                "retries", 5, "start_period", "90s"));
        args.put("stop_timeout", 30);
        return args;
    }

    static ContainerSpec spec(Map<String, Object> args) {
        return ContainerArgs.spec(ModuleArgs.of(args));
    }

    @Test
    void canonicalJsonIsSortedCompactAndStable() {
        ContainerSpec spec = spec(Map.of("name", "rmqnamesrv", "image", "rmqfleet/rocketmq:5.3.3",
                "command", List.of("sh", "mqnamesrv"), "ports", List.of("9876:9876"),
                "env", Map.of("JAVA_OPT_EXT", "-Xmx128m")));
        assertThat(SpecHash.canonicalJson(spec)).isEqualTo(
                "{\"command\":[\"sh\",\"mqnamesrv\"],\"env\":{\"JAVA_OPT_EXT\":\"-Xmx128m\"},"
                        + "\"image\":\"rmqfleet/rocketmq:5.3.3\",\"name\":\"rmqnamesrv\",\"ports\":[\"9876:9876\"],"
                        + "\"restart_policy\":\"no\"}");
        // the hash is a contract with every container already running: changing the canonical form recreates them
        // the sha256sum of exactly that text; a contract with every running container: changing the canonical form
        // would recreate them all
        assertThat(SpecHash.of(spec)).isEqualTo("efe72f0ec6fb45010518d6001c71e7b1eb7c43182b757902b3509799b1715441");
    }

    @Test
    void sameMeaningSameHash() {
        Map<String, Object> a = new HashMap<>(brokerArgs());
        Map<String, Object> b = new HashMap<>(brokerArgs());
        b.put("ports", List.of("9999", "53/udp", "127.0.0.1:8080:8080/tcp", "10911:10911/tcp"));
        b.put("volumes", List.of("rmqstore:/home/rocketmq/store:ro", "/srv/rmq/logs:/home/rocketmq/logs:rw"));
        b.put("command", List.of("sh", "mqbroker", "-c", "/home/rocketmq/broker.conf"));
        b.put("healthcheck", Map.of("test", List.of("CMD-SHELL", "nc -z localhost 10911"), "interval", 10,
                "timeout", "3s", "retries", "5", "start_period", "1m30s"));
        assertThat(SpecHash.of(spec(b))).isEqualTo(SpecHash.of(spec(a)));

        Map<String, Object> noRestart = new HashMap<>(Map.of("name", "x", "image", "i"));
        Map<String, Object> explicitNo = new HashMap<>(Map.of("name", "x", "image", "i", "restart_policy", "no",
                "env", Map.of(), "command", List.of()));
        assertThat(SpecHash.of(spec(explicitNo))).isEqualTo(SpecHash.of(spec(noRestart)));
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = SpecHash.of(spec(brokerArgs()));
        List<Map.Entry<String, Object>> changes = List.of(
                Map.entry("image", "rmqfleet/rocketmq:5.4.0"),
                Map.entry("command", "sh mqbroker"),
                Map.entry("env", Map.of("NAMESRV_ADDR", "10.213.0.11:9876", "JAVA_OPT_EXT", "-Xmx256m")),
                Map.entry("ports", List.of("10911:10911")),
                Map.entry("volumes", List.of("/srv/rmq/logs:/home/rocketmq/logs")),
                Map.entry("network_mode", "host"),
                Map.entry("restart_retries", 4),
                Map.entry("user", "rocketmq"),
                Map.entry("labels", Map.of("team", "ops")),
                Map.entry("healthcheck", Map.of("test", "true")),
                Map.entry("stop_timeout", 31),
                Map.entry("name", "other"));
        for (Map.Entry<String, Object> change : changes) {
            Map<String, Object> args = new HashMap<>(brokerArgs());
            args.put(change.getKey(), change.getValue());
            assertThat(SpecHash.of(spec(args))).as(change.getKey()).isNotEqualTo(base);
        }
    }

    @Test
    void argumentErrorsNameTheArgument() {
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "env", Map.of("DEBUG", true))))
                .isInstanceOf(ModuleArgumentException.class).hasMessageContaining("value of DEBUG is a boolean");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "ports", List.of("80:80:80:80"))))
                .hasMessageContaining("argument 'ports': '80:80:80:80' is not");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "volumes", List.of("data:relative"))))
                .hasMessageContaining("argument 'volumes': 'data:relative'");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "labels", Map.of("rmqfleet.managed", "no"))))
                .hasMessageContaining("rmqfleet.managed is reserved");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "labels", Map.of("rmqfleet.spec-hash", "h"))))
                .hasMessageContaining("rmqfleet.spec-hash is reserved");
        // other rmqfleet.* labels are the playbook's own (rmqfleet.role, rmqfleet.config-sha256, ...)
        assertThat(spec(Map.of("name", "x", "image", "i", "labels", Map.of("rmqfleet.role", "broker"))).labels())
                .containsEntry("rmqfleet.role", "broker");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "restart_retries", 2)))
                .hasMessageContaining("restart_retries' needs restart_policy: on-failure");
        assertThatThrownBy(() -> spec(Map.of("name", "bad name", "image", "i")))
                .hasMessageContaining("not a valid container name");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "healthcheck", Map.of("test", "t", "every", "1s"))))
                .hasMessageContaining("unsupported key 'every'");
        assertThatThrownBy(() -> spec(Map.of("name", "x", "image", "i", "healthcheck", Map.of("test", "t", "interval", "soon"))))
                .hasMessageContaining("'healthcheck.interval' must be a duration");
        assertThatThrownBy(() -> spec(Map.of("name", "x")))
                .hasMessage("missing required argument 'image'");
    }

    @Test
    void goDurations() {
        assertThat(GoDuration.format(GoDuration.parse("d", "90s"))).isEqualTo("1m30s");
        assertThat(GoDuration.format(GoDuration.parse("d", "1h0m5s"))).isEqualTo("1h5s");
        assertThat(GoDuration.format(GoDuration.parse("d", "500ms"))).isEqualTo("500ms");
        assertThat(GoDuration.format(GoDuration.parse("d", 45))).isEqualTo("45s");
        assertThat(GoDuration.format(GoDuration.parse("d", "0"))).isEqualTo("0s");
        assertThatThrownBy(() -> GoDuration.parse("d", "5 s")).isInstanceOf(ModuleArgumentException.class);
        assertThatThrownBy(() -> GoDuration.parse("d", "")).isInstanceOf(ModuleArgumentException.class);
    }

    @Test
    void runCommandCarriesEverything() {
        ContainerSpec s = spec(brokerArgs());
        List<String> argv = DockerRunCommand.argv(s, "HASH", true, "never");
        assertThat(argv).containsSubsequence("docker", "run", "-d", "--name", "rmqfleet-modules-fixture",
                "--pull", "never", "--label", "rmqfleet.managed=true", "--label", "rmqfleet.spec-hash=HASH",
                "--label", "team=mq", "--env", "JAVA_OPT_EXT=-Xmx256m", "--env", "NAMESRV_ADDR=10.213.0.11:9876;10.213.0.12:9876",
                "--publish", "10911:10911", "--volume", "/srv/rmq/logs:/home/rocketmq/logs",
                "--restart", "on-failure:3", "--user", "3000", "--health-cmd", "nc -z localhost 10911",
                "--health-interval", "10s", "--health-timeout", "3s", "--health-retries", "5",
                "--health-start-period", "1m30s", "--stop-timeout", "30",
                "rmqfleet/rocketmq:5.3.3", "sh", "mqbroker", "-c", "/home/rocketmq/broker.conf");
        assertThat(argv.subList(argv.size() - 5, argv.size()))
                .containsExactly("rmqfleet/rocketmq:5.3.3", "sh", "mqbroker", "-c", "/home/rocketmq/broker.conf");
        assertThat(argv).doesNotContain("-v", "--rm");

        List<String> create = DockerRunCommand.argv(spec(Map.of("name", "n", "image", "i",
                "healthcheck", Map.of("disable", true))), "H", false, "missing");
        assertThat(create).startsWith("docker", "create").contains("--no-healthcheck").endsWith("i");

        List<String> exec = DockerRunCommand.argv(spec(Map.of("name", "n", "image", "i",
                "healthcheck", Map.of("test", List.of("CMD", "curl", "-f", "http://localhost:8080/a b")))), "H", true, "missing");
        assertThat(exec).containsSubsequence("--health-cmd", "curl -f 'http://localhost:8080/a b'");
    }

    @Test
    void memoryLimitIsBytesInTheSpecAndOnTheCommandLineAndAbsentKeepsOldHashes() {
        String without = SpecHash.of(spec(Map.of("name", "a", "image", "i")));
        assertThat(without).isEqualTo(SpecHash.of(spec(Map.of("name", "a", "image", "i", "memory", "0"))));
        ContainerSpec limited = spec(Map.of("name", "a", "image", "i", "memory", "128m"));
        assertThat(limited.memoryBytes()).isEqualTo(128L * 1024 * 1024);
        assertThat(SpecHash.of(limited)).isNotEqualTo(without);
        assertThat(spec(Map.of("name", "a", "image", "i", "memory", "1G")).memoryBytes()).isEqualTo(1L << 30);
        assertThat(spec(Map.of("name", "a", "image", "i", "memory", 134217728)).memoryBytes()).isEqualTo(1L << 27);
        assertThat(DockerRunCommand.argv(limited, "H", true, "never"))
                .containsSubsequence("--memory", "134217728", "i");
        assertThatThrownBy(() -> spec(Map.of("name", "a", "image", "i", "memory", "lots")))
                .isInstanceOf(ModuleArgumentException.class).hasMessageContaining("memory");
        assertThatThrownBy(() -> spec(Map.of("name", "a", "image", "i", "memory", "1m")))
                .isInstanceOf(ModuleArgumentException.class).hasMessageContaining("minimum");
    }

    @Test
    void inspectOfAContainerCreatedFromTheArgsGivesTheSameSpecBack() throws IOException {
        InspectedContainer c = InspectedContainer.parse(resource("docker-inspect-broker.json"),
                resource("docker-image-inspect-rocketmq.json"));
        assertThat(c.managed()).isTrue();
        assertThat(c.specHash()).isEqualTo("abc123");
        assertThat(c.running()).isFalse();
        assertThat(c.status()).isEqualTo("created");
        assertThat(c.imageId()).startsWith("sha256:");
        assertThat(c.actualSpec()).isEqualTo(spec(brokerArgs()));
        assertThat(SpecHash.of(c.actualSpec())).isEqualTo(SpecHash.of(spec(brokerArgs())));
    }

    @Test
    void withoutTheImageInspectImageDefaultsShowUp() throws IOException {
        InspectedContainer c = InspectedContainer.parse(resource("docker-inspect-broker.json"), null);
        assertThat(c.actualSpec().env()).containsKeys("PATH", "ROCKETMQ_HOME", "NAMESRV_ADDR");
        assertThat(c.actualSpec().labels()).containsKey("org.apache.rocketmq.version").containsKey("rmqfleet.image")
                .doesNotContainKey("rmqfleet.managed").doesNotContainKey("rmqfleet.spec-hash");
    }

    @Test
    void unmanagedPlainContainer() throws IOException {
        InspectedContainer c = InspectedContainer.parse(resource("docker-inspect-plain.json"),
                resource("docker-image-inspect-rocketmq.json"));
        assertThat(c.managed()).isFalse();
        assertThat(c.specHash()).isNull();
        assertThat(c.actualSpec().networkMode()).isEqualTo("host");
        assertThat(c.actualSpec().command()).isNull();
        assertThat(c.actualSpec().env()).isEmpty();
        assertThat(c.actualSpec().restartPolicy()).isEqualTo("no");
        assertThat(c.actualSpec().ports()).isEmpty();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ContainerSpecTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

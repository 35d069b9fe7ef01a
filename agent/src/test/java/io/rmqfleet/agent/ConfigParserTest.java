package io.rmqfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParserTest {
    private static final String TOKEN = "s3cr3t-t0ken-for-broker-1";

    private final Map<String, String> env = new HashMap<>();
    private final Map<Path, String> files = new HashMap<>(Map.of(Path.of("/etc/rmqfleet/token"), TOKEN + "\n"));

    private ConfigParser parser() {
        return new ConfigParser(env, path -> {
            String content = files.get(path);
            if (content == null) {
                throw new UncheckedIOException("no such file", new java.io.IOException());
            }
            return content;
        }, () -> "kernel-host\n");
    }

    private AgentConfig run(String... args) throws ConfigException {
        ConfigParser.Invocation invocation = parser().parse(args);
        assertThat(invocation).isInstanceOf(ConfigParser.Invocation.Run.class);
        return ((ConfigParser.Invocation.Run) invocation).config();
    }

    @Test
    void minimalFlagsGiveTheDocumentedDefaults() throws ConfigException {
        AgentConfig c = run("--controller", "http://10.213.0.1:8080", "--token-file", "/etc/rmqfleet/token");

        assertThat(c.controller()).isEqualTo(URI.create("http://10.213.0.1:8080"));
        assertThat(c.host()).isEqualTo("kernel-host");
        assertThat(c.token().reveal()).isEqualTo(TOKEN);
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.dockerSocket()).isEqualTo(Path.of("/var/run/docker.sock"));
        assertThat(c.dataRoot()).isEqualTo(Path.of("/data/rocketmq"));
        assertThat(c.proc()).isEqualTo(Path.of("/proc"));
        assertThat(c.ports()).containsExactly(9876, 10911, 10909, 10912);
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.bufferCapacity()).isEqualTo(720);
        assertThat(c.backoffInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.backoffMax()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void environmentSetsEverythingAndFlagsWin() throws ConfigException {
        env.put("RMQFLEET_CONTROLLER", "https://ops.example.test:8443/rmqfleet/");
        env.put("RMQFLEET_HOST", "broker-1");
        env.put("RMQFLEET_TOKEN", TOKEN);
        env.put("RMQFLEET_INTERVAL", "2s");
        env.put("RMQFLEET_PORTS", "8080, 10921");
        env.put("RMQFLEET_BUFFER", "100");
        env.put("RMQFLEET_DATA_ROOT", "/srv/rmq");

        AgentConfig c = run("--interval=750ms", "--host", "broker-2");

        assertThat(c.controller().getHost()).isEqualTo("ops.example.test");
        assertThat(c.host()).isEqualTo("broker-2");
        assertThat(c.interval()).isEqualTo(Duration.ofMillis(750));
        assertThat(c.ports()).containsExactly(9876, 10911, 10909, 10912, 8080, 10921);
        assertThat(c.bufferCapacity()).isEqualTo(100);
        assertThat(c.dataRoot()).isEqualTo(Path.of("/srv/rmq"));
        assertThat(c.token().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void durationForms() throws ConfigException {
        assertThat(run("--controller=http://127.0.0.1:1", "--token-file=/etc/rmqfleet/token", "--interval", "3")
                .interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(run("--controller=http://127.0.0.1:1", "--token-file=/etc/rmqfleet/token", "--backoff-max",
                "2m").backoffMax()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theTokenNeverShowsInTheConfigOrInErrors() throws ConfigException {
        AgentConfig c = run("--controller", "http://127.0.0.1:1", "--token-file", "/etc/rmqfleet/token");
        assertThat(c.toString()).doesNotContain(TOKEN).contains("token=****");

        env.put("RMQFLEET_TOKEN", "short");
        assertThatThrownBy(() -> run("--controller", "http://127.0.0.1:1"))
                .hasMessage("the token from RMQFLEET_TOKEN must be 8 to 4096 printable characters without spaces")
                .hasMessageNotContaining("short");
    }

    @Test
    void theTokenDefaultsToTheMountedSecret() throws ConfigException {
        files.put(Path.of("/run/secrets/agent.token"), "  mounted-token-123\n");

        assertThat(run("--controller", "http://127.0.0.1:1").token().reveal()).isEqualTo("mounted-token-123");
        env.put("RMQFLEET_TOKEN", TOKEN);
        assertThat(run("--controller", "http://127.0.0.1:1").token().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void tokenFlagIsRefusedBecauseFlagsShowInPs() {
        assertThatThrownBy(() -> parser().parse("--token", TOKEN))
                .hasMessageStartingWith("--token is not supported")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void helpAndVersion() throws ConfigException {
        assertThat(parser().parse("--help")).isInstanceOf(ConfigParser.Invocation.Help.class);
        assertThat(parser().parse("--controller", "x", "--version")).isInstanceOf(ConfigParser.Invocation.Version.class);
        assertThat(Usage.text()).contains("--controller URL").contains("RMQFLEET_TOKEN_FILE");
        for (String option : ConfigParser.OPTIONS.keySet()) {
            assertThat(Usage.text()).as("usage documents --%s", option).contains("--" + option + " ");
        }
    }

    @Test
    void mistakesAreExplained() {
        String ok = "--token-file=/etc/rmqfleet/token";
        assertThatThrownBy(() -> run(ok)).hasMessageStartingWith("the controller URL is required");
        assertThatThrownBy(() -> run(ok, "--controller", "ftp://x")).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> run(ok, "--controller", "http://u:p@x:1")).hasMessageContaining("user info");
        assertThatThrownBy(() -> run(ok, "--controller", "http:// bad")).hasMessageStartingWith("controller URL");
        String c = "--controller=http://127.0.0.1:1";
        assertThatThrownBy(() -> run(c)).hasMessageStartingWith("no agent token");
        assertThatThrownBy(() -> run(c, "--token-file", "/nope")).hasMessage(
                "cannot read the token file /nope: no such file");
        assertThatThrownBy(() -> run(c, ok, "--interval", "5 seconds")).hasMessage(
                "--interval: expected a duration such as 500ms, 5s or 2m, got \"5 seconds\"");
        assertThatThrownBy(() -> run(c, ok, "--interval", "10ms")).hasMessage("--interval: at least 100ms, got 10ms");
        env.put("RMQFLEET_BUFFER", "0");
        assertThatThrownBy(() -> run(c, ok)).hasMessage("RMQFLEET_BUFFER: expected 1 to 100000, got 0");
        env.clear();
        assertThatThrownBy(() -> run(c, ok, "--ports", "9876,http")).hasMessage("--ports: \"http\" is not a port number");
        assertThatThrownBy(() -> run(c, ok, "--ports", "70000")).hasMessage("--ports: 70000 is not between 1 and 65535");
        assertThatThrownBy(() -> run(c, ok, "--host", "bad host")).hasMessageContaining("not a valid host name");
        assertThatThrownBy(() -> run(c, ok, "--backoff-initial", "10s", "--backoff-max", "5s"))
                .hasMessage("--backoff-max (5s) is below --backoff-initial (10s)");
        assertThatThrownBy(() -> run(c, ok, "--nope", "1")).hasMessage("unknown option --nope (see --help)");
        assertThatThrownBy(() -> run(c, ok, "--interval")).hasMessage("--interval needs a value");
        assertThatThrownBy(() -> run(c, ok, "stray")).hasMessageStartingWith("unexpected argument");
        assertThatThrownBy(() -> run(c, ok, "--host", "a", "--host", "b")).hasMessage("--host given twice");
        env.put("RMQFLEET_TOKEN", TOKEN);
        assertThatThrownBy(() -> run(c, ok)).hasMessageContaining("give one");
    }

    @Test
    void extraPortsAreDeduplicated() throws ConfigException {
        AgentConfig c = run("--controller=http://127.0.0.1:1", "--token-file=/etc/rmqfleet/token",
                "--ports", "10911,8080");
        assertThat(c.ports()).isEqualTo(List.of(9876, 10911, 10909, 10912, 8080));
    }
}

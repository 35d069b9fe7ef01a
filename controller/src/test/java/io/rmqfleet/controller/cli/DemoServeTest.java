package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.http.auth.TokenFiles;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.rmqfleet.controller.http.config.ServeConfigParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's serve files: configuration, tokens (0600), and stopping only the process it started. */
class DemoServeTest {
    @TempDir
    Path dir;

    @Test
    void configListensOnTheGivenAddressOnlyAndCanRemediate() throws Exception {
        DemoServe serve = new DemoServe(dir);
        Path inventory = Files.writeString(dir.resolve("inventory.yml"), "all: {}\n");
        AgentTokens.write(serve.agentTokensFile(), List.of("host1", "host2"));
        Path config = serve.writeConfig("10.213.0.1", 18480, inventory, Path.of("/repo/playbooks/rocketmq-cluster.yml"));

        ServeConfig cfg = ServeConfigParser.read(config);
        assertThat(cfg.host()).isEqualTo("10.213.0.1");
        assertThat(cfg.port()).isEqualTo(18480);
        assertThat(cfg.inventories()).containsExactly(inventory.toString());
        assertThat(cfg.driftFix().possible()).isTrue();
        assertThat(cfg.driftFix().fix()).isFalse();
        assertThat(cfg.driftFix().extraVars()).containsExactly("@" + serve.agentTokensFile(),
                "rmqfleet_controller_url=http://10.213.0.1:18480");
        assertThat(TokenFiles.agentTokens(cfg.agentTokensFile())).containsOnlyKeys("host1", "host2");
        for (Path secret : List.of(serve.adminTokenFile(), serve.agentTokensFile())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(secret.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(config)).doesNotContain(Files.readString(serve.adminTokenFile()).strip());
    }

    @Test
    void tokensAreFreshAndDistinct() throws Exception {
        Path file = AgentTokens.write(dir.resolve("t.yml"), List.of("a", "b"));
        String first = Files.readString(file);
        AgentTokens.write(file, List.of("a", "b"));
        assertThat(Files.readString(file)).isNotEqualTo(first);
        List<String> tokens = Files.readAllLines(file).stream().filter(l -> l.startsWith("  "))
                .map(l -> l.substring(l.indexOf(": ") + 2)).toList();
        assertThat(tokens).hasSize(2).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_-]{32}"));
    }

    @Test
    void servesInTheBackgroundUntilStoppedByItsPid() throws Exception {
        DemoServe serve = new DemoServe(dir);
        Path inventory = Files.writeString(dir.resolve("inventory.yml"), "all: {}\n");
        AgentTokens.write(serve.agentTokensFile(), List.of("host1"));
        int port = DemoServe.freePort("127.0.0.1");
        Path config = serve.writeConfig("127.0.0.1", port, inventory, dir.resolve("site.yml"));
        long pid = serve.start(config, DemoServe.url("127.0.0.1", port));
        try {
            assertThat(Files.readString(dir.resolve(DemoServe.PID_FILE)).strip()).isEqualTo(Long.toString(pid));
            assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);
            assertThat(Files.readString(dir.resolve(DemoServe.LOG_FILE))).contains("listening on http://127.0.0.1:" + port)
                    .doesNotContain(Files.readString(serve.adminTokenFile()).strip());
            // no agent reports here: the wait gives up at its deadline
            assertThat(serve.awaitAgents(DemoServe.url("127.0.0.1", port), List.of("host1"),
                    java.time.Duration.ofSeconds(1))).isFalse();
        } finally {
            boolean stopped = serve.stop();
            // never leave a server behind, whatever stop() did
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            assertThat(stopped).as("stop() found and stopped serve pid " + pid).isTrue();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dir.resolve(DemoServe.PID_FILE)).doesNotExist();
    }

    @Test
    void stopLeavesAProcessAloneThatIsNotThisDemosServe() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(DemoServe.PID_FILE), sleeper.pid() + "\n");
            assertThat(new DemoServe(dir).stop()).isFalse();
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(dir.resolve(DemoServe.PID_FILE)).doesNotExist();
            assertThat(new DemoServe(dir).stop()).isFalse();
        } finally {
            sleeper.destroy();
            sleeper.waitFor(5, TimeUnit.SECONDS);
        }
    }
}

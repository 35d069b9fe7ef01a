package io.rmqfleet.controller.module.net;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** wait_for against this machine (loopback ports, temp files): the loop runs in a real shell. */
class WaitForLocalTest {
    @TempDir
    Path dir;
    private LocalConnection connection;
    private ModuleRunner runner;

    @BeforeEach
    void setUp() {
        connection = new LocalConnection();
        runner = new ModuleRunner(connection, null, null);
    }

    @Test
    void openPortIsReadyAtOnce() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ModuleResult r = runner.apply(new WaitForModule(), Map.of("port", server.getLocalPort(), "timeout", 10));
            assertThat(r.failed()).as("%s", r.data()).isFalse();
            assertThat(r.changed()).isFalse();
            assertThat(r.data()).containsEntry("port", server.getLocalPort());
            // whole seconds of the host's clock; on a loaded machine the first probe itself may take a second or
            // two, so what is asserted is "ready before the timeout", not a speed
            assertThat((Integer) r.data().get("elapsed")).isBetween(0, 9);
        }
    }

    @Test
    void closedPortTimesOutWithAnsiblesMessage() throws IOException {
        int port = freePort();
        ModuleResult r = runner.apply(new WaitForModule(), Map.of("port", port, "timeout", 1, "host", "127.0.0.1"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow())
                .contains("Timeout when waiting for 127.0.0.1:" + port);
        assertThat((Integer) r.data().get("elapsed")).isBetween(1, 3);
    }

    @Test
    void stoppedWaitsForThePortToClose() throws IOException {
        int port = freePort();
        assertThat(runner.apply(new WaitForModule(), Map.of("port", port, "state", "stopped", "timeout", 5)).failed()).isFalse();
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            ModuleResult r = runner.apply(new WaitForModule(), Map.of("port", port, "state", "stopped", "timeout", 1));
            assertThat(r.failed()).isTrue();
            assertThat(r.msg().orElseThrow())
                .contains("Timeout when waiting for 127.0.0.1:" + port + " to stop");
        }
    }

    @Test
    void portThatOpensWhileWaitingIsSeen() throws Exception {
        int port = freePort();
        int commandsBefore = connection.commands().size();
        CompletableFuture<ModuleResult> waiting = CompletableFuture.supplyAsync(
                () -> runner.apply(new WaitForModule(), Map.of("port", port, "timeout", 30)));
        // open the port only once the remote loop is running, so the first probe surely failed
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (connection.commands().size() == commandsBefore && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            ModuleResult r = waiting.get();
            assertThat(r.failed()).as("%s", r.data()).isFalse();
            assertThat(server.isBound()).isTrue();
        }
    }

    @Test
    void pathPresentAbsentAndRegex() throws IOException {
        Path file = dir.resolve("boot.log");
        ModuleResult missing = runner.apply(new WaitForModule(), Map.of("path", file.toString(), "timeout", 1));
        assertThat(missing.msg().orElseThrow())
                .contains("Timeout when waiting for file " + file);
        assertThat(runner.apply(new WaitForModule(), Map.of("path", file.toString(), "state", "absent", "timeout", 1)).failed())
                .isFalse();

        Files.writeString(file, "loading\nThe Name Server boot success. serializeType=JSON\n");
        assertThat(runner.apply(new WaitForModule(), Map.of("path", file.toString(), "timeout", 1)).failed()).isFalse();
        assertThat(runner.apply(new WaitForModule(),
                Map.of("path", file.toString(), "search_regex", "boot success", "timeout", 1)).failed()).isFalse();
        ModuleResult noMatch = runner.apply(new WaitForModule(),
                Map.of("path", file.toString(), "search_regex", "broker\\[.*\\] boot success", "timeout", 1,
                        "msg", "broker did not start"));
        assertThat(noMatch.msg().orElseThrow())
                .contains("broker did not start");
    }

    @Test
    void checkModeWaitsToo() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ModuleResult r = runner.check(new WaitForModule(), Map.of("port", server.getLocalPort(), "timeout", 5));
            assertThat(r.failed()).isFalse();
            assertThat(r.skipped()).isFalse();
        }
    }

    @Test
    void argumentChecks() {
        assertThat(runner.apply(new WaitForModule(), Map.of("port", 70000)).msg().orElseThrow())
                .contains("wait_for: argument 'port' must be 1..65535, got 70000");
        assertThat(runner.apply(new WaitForModule(), Map.of("port", 1, "path", "/x")).msg().orElseThrow())
                .contains("wait_for: arguments are mutually exclusive: port, path");
        assertThat(runner.apply(new WaitForModule(), Map.of("port", 1, "timeout", -1)).msg().orElseThrow())
                .contains("argument 'timeout' must not be negative");
        assertThat(runner.apply(new WaitForModule(), Map.of("timeout", 0)).failed()).isFalse();
    }

    @Test
    void scriptParsing() {
        assertThat(WaitScript.elapsed("noise\nelapsed=12\n")).isEqualTo(12);
        assertThat(WaitScript.elapsed("")).isEqualTo(-1);
        assertThat(WaitScript.script(WaitScript.path("/a b", null, true), 2, 10, 1))
                .contains("probe() { [ -e '/a b' ]; }", "sleep 2\n", "end=$((start + 10))");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

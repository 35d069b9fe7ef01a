package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.rmqfleet.testbed.BedLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TestbedCommandTest {
    @TempDir
    Path dir;

    private static final TestbedState STATE = new TestbedState("testbed-abc123", "10.213.0.0/24",
        "rmqfleet-testbed-abc123", "2026-01-01T00:00:00Z", 17100,
        List.of(new TestbedState.Host("host1", "10.213.0.11", 22, "rmqfleet-testbed-abc123-host1", "SHA256:one"),
            new TestbedState.Host("host2", "10.213.0.12", 22, "rmqfleet-testbed-abc123-host2", "SHA256:two")),
        "/s/id_ed25519", "/s/known_hosts", "/s/inventory.yml", null);

    @Test
    void bedNamesAreStablePerCheckoutAndDistinctAcrossCheckouts() {
        String a = TestbedCommand.bedNameFor(Path.of("/work/main"));
        assertThat(a).isEqualTo(TestbedCommand.bedNameFor(Path.of("/work/main/.")));
        assertThat(a).isNotEqualTo(TestbedCommand.bedNameFor(Path.of("/work/other")));
        assertThat(a).matches("testbed-[0-9a-f]{6}");
        assertThat(BedLabels.requireValidName(a)).isEqualTo(a);
    }

    @Test
    void stateSurvivesARoundTripAndDeleteAllRemovesOnlyTheBedsFiles() throws Exception {
        TestbedStateStore store = new TestbedStateStore(dir.resolve("testbed"));
        assertThat(store.read()).isEmpty();
        store.write(STATE);
        assertThat(store.read()).contains(STATE);

        Files.writeString(store.dir().resolve("id_ed25519"), "k");
        Files.writeString(store.dir().resolve("inventory.yml"), "i");
        Files.writeString(store.dir().resolve("notes.txt"), "mine");
        store.deleteAll();
        assertThat(store.dir().resolve("state.json")).doesNotExist();
        assertThat(store.dir().resolve("id_ed25519")).doesNotExist();
        assertThat(store.dir().resolve("notes.txt")).exists();

        Files.delete(store.dir().resolve("notes.txt"));
        store.deleteAll();
        assertThat(store.dir()).doesNotExist();
    }

    @Test
    void aCorruptStateFileSaysHowToRecover() throws Exception {
        TestbedStateStore store = new TestbedStateStore(dir);
        Files.writeString(store.stateFile(), "{not json");
        assertThatThrownBy(store::read).hasMessageContaining("rmqfleet testbed down")
            .hasMessageContaining(store.stateFile().toString());
    }

    @Test
    void hostTableIsAligned() {
        StringWriter text = new StringWriter();
        TestbedPrinter.hosts(new PrintWriter(text, true), STATE, Map.of("host1", "running"), Map.of("host1", "ok"));
        assertThat(text.toString().lines()).containsExactly(
            "  HOST   ADDRESS         CONTAINER  SSH  HOST KEY",
            "  host1  10.213.0.11:22  running    ok   SHA256:one",
            "  host2  10.213.0.12:22  missing    -    SHA256:two");
    }

    @Test
    void testbedIsRegisteredWithItsThreeSubcommands() {
        CommandLine cli = Main.commandLine();
        assertThat(cli.getSubcommands()).containsKey("testbed");
        assertThat(cli.getSubcommands().get("testbed").getSubcommands()).containsOnlyKeys("up", "status", "down");
    }

    @Test
    void aBadHostCountIsABadArgument() {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("testbed", "up", "--hosts", "0")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--hosts must be between 1 and 200");
        assertThat(cli.execute("testbed", "up", "--hosts", "many")).isEqualTo(ExitCodes.BAD_INPUT);
    }
}

package io.rmqfleet.controller.module.command;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.ModuleStatus;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** command and shell against this machine's shell (a temp dir), no test bed. */
class CommandModulesLocalTest {
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
    void commandRunsWordsWithoutAShell() {
        ModuleResult r = runner.apply(new CommandModule(), Map.of("_raw_params", "echo 'a  b' $HOME ; true"));
        assertThat(r.status()).isEqualTo(ModuleStatus.CHANGED);
        assertThat(r.data()).containsEntry("stdout", "a  b $HOME ; true")
                .containsEntry("stdout_lines", List.of("a  b $HOME ; true"))
                .containsEntry("rc", 0)
                .containsEntry("cmd", List.of("echo", "a  b", "$HOME", ";", "true"));
    }

    @Test
    void argvFormPassesWordsUnchanged() {
        ModuleResult r = runner.apply(new CommandModule(), Map.of("argv", List.of("printf", "%s|", "x y", "'q'")));
        assertThat(r.stdout()).contains("x y|'q'|");
    }

    @Test
    void shellUsesPipesAndRedirects() throws IOException {
        ModuleResult r = runner.apply(new ShellModule(),
                Map.of("cmd", "printf 'one\\ntwo\\n' | tail -1 > out.txt; cat out.txt; echo err >&2", "chdir", dir.toString()));
        assertThat(r.stdout()).contains("two");
        assertThat(r.stderr()).contains("err");
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("two\n");
    }

    @Test
    void shellExecutableAndStdin() {
        ModuleResult r = runner.apply(new ShellModule(),
                Map.of("_raw_params", "read x; echo \"got $x\"; echo ${BASH_VERSION:+bash}", "executable", "/bin/bash",
                        "stdin", "hello"));
        assertThat(r.data().get("stdout_lines")).isEqualTo(List.of("got hello", "bash"));
    }

    @Test
    void nonZeroExitFailsWithOutputKept() {
        ModuleResult r = runner.apply(new ShellModule(), Map.of("_raw_params", "echo out; echo boom >&2; exit 3"));
        assertThat(r.failed()).isTrue();
        assertThat(r.data()).containsEntry("rc", 3).containsEntry("msg", "non-zero return code")
                .containsEntry("stdout", "out").containsEntry("stderr", "boom");
    }

    @Test
    void createsMakesTheCommandIdempotent() {
        Map<String, Object> args = Map.of("_raw_params", "touch made.flag", "chdir", dir.toString(), "creates", "made.*");
        ModuleResult predicted = runner.check(new CommandModule(), args);
        assertThat(predicted.changed()).isTrue();
        assertThat(predicted.msg().orElseThrow())
                .contains("Command would have run if not in check mode");
        assertThat(Files.exists(dir.resolve("made.flag"))).isFalse();

        assertThat(runner.apply(new CommandModule(), args).changed()).isTrue();
        assertThat(Files.exists(dir.resolve("made.flag"))).isTrue();
        ModuleResult second = runner.apply(new CommandModule(), args);
        assertThat(second.changed()).isFalse();
        assertThat(second.data()).containsEntry("stdout", "skipped, since made.* exists");
        assertThat(runner.check(new CommandModule(), args).changed()).isFalse();
    }

    @Test
    void removesRunsOnlyWhileThePathExists() throws IOException {
        Path victim = dir.resolve("old dir");
        Files.createDirectory(victim);
        Map<String, Object> args = Map.of("argv", List.of("rmdir", victim.toString()), "removes", victim.toString());
        assertThat(runner.apply(new CommandModule(), args).changed()).isTrue();
        assertThat(Files.exists(victim)).isFalse();
        assertThat(runner.apply(new CommandModule(), args).changed()).isFalse();
    }

    @Test
    void checkModeWithoutCreatesOrRemovesSkipsAndRunsNothing() {
        int before = connection.commands().size();
        ModuleResult r = runner.check(new ShellModule(), Map.of("_raw_params", "touch " + dir + "/x"));
        assertThat(r.status()).isEqualTo(ModuleStatus.SKIPPED);
        assertThat(connection.commands()).hasSize(before);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void badChdirFailsBeforeRunning() {
        ModuleResult r = runner.apply(new ShellModule(), Map.of("cmd", "touch should-not-exist", "chdir", dir + "/nope"));
        assertThat(r.failed()).isTrue();
        assertThat(r.rc()).contains(1);
        assertThat(r.stderr().orElseThrow()).contains("nope");
    }

    @Test
    void timingsComeFromTheInjectedClock() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-02T03:04:05.123456Z"), ZoneOffset.UTC);
        ModuleResult r = runner.clock(fixed).apply(new CommandModule(), Map.of("_raw_params", "true"));
        assertThat(r.data()).containsEntry("start", "2026-01-02 03:04:05.123456")
                .containsEntry("end", "2026-01-02 03:04:05.123456").containsEntry("delta", "0:00:00.000000");
    }

    @Test
    void argumentErrors() {
        assertThat(runner.apply(new CommandModule(), Map.of()).msg().orElseThrow())
                .contains("command: one of the following arguments is required: _raw_params, cmd, argv");
        assertThat(runner.apply(new CommandModule(), Map.of("_raw_params", "echo 'open")).msg().orElseThrow())
                .contains("command: no closing quotation in: echo 'open");
        assertThat(runner.apply(new ShellModule(), Map.of("cmd", "x", "argv", List.of("y"))).msg().orElseThrow())
                .startsWith("shell: unsupported argument 'argv'");
    }

    @Test
    void deltaLooksLikePython() {
        assertThat(CommandRun.delta(java.time.Duration.ofMillis(3_723_004))).isEqualTo("1:02:03.004000");
    }
}

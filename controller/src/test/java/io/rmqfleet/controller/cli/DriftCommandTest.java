package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.TaskStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code drift}'s exit-code mapping, its tally of would-be changes and its handling of bad input. */
class DriftCommandTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "run exit {0}, drifted {1}, detailed {2} -> {3}")
    @CsvSource({
        "0,  false, true,  0",
        "0,  true,  true,  2",
        "0,  false, false, 0",
        "0,  true,  false, 0",
        "2,  false, true,  1",
        "2,  true,  true,  1",
        "2,  true,  false, 1",
        "3,  false, true,  1",
        "3,  false, false, 1",
        "1,  false, true,  1",
        "4,  false, true,  4",
        "4,  false, false, 4",
        "99, true,  true,  99",
    })
    void exitCodes(int runExit, boolean drifted, boolean detailed, int expected) {
        assertThat(DriftExitCode.of(runExit, drifted, detailed)).isEqualTo(expected);
    }

    @Test
    void tallyCountsChangedTasksPerHostAndNamesThem() {
        DriftTally tally = new DriftTally();
        tally.hostResult(HostTaskResult.of("h1", "conf", TaskStatus.OK, Map.of()));
        tally.hostResult(HostTaskResult.of("h2", "conf", TaskStatus.CHANGED, Map.of("changed", true)));
        tally.hostResult(HostTaskResult.of("h2", "container", TaskStatus.CHANGED, Map.of("changed", true)));
        tally.hostResult(HostTaskResult.of("h3", "conf", TaskStatus.SKIPPED, Map.of()));
        // loop items are shown, not counted: only the loop's hostResult counts
        tally.itemResult(HostTaskResult.of("h1", "dirs", TaskStatus.CHANGED, Map.of()).withItem("logs"));

        assertThat(tally.drifted()).isEqualTo(Map.of("h2", List.of("conf", "container")));
        assertThat(tally.tasksWouldChange()).isEqualTo(2);
        assertThat(tally.summary()).isEqualTo("DRIFT: 1 of 3 hosts drifted, 2 tasks would change\n"
            + "  h2: conf; container\n");
    }

    @Test
    void noDriftSummary() {
        DriftTally tally = new DriftTally();
        tally.hostResult(HostTaskResult.of("h1", "conf", TaskStatus.OK, Map.of()));
        assertThat(tally.drifted()).isEmpty();
        assertThat(tally.summary()).isEqualTo("DRIFT: none (1 host checked, no task would change)\n");
    }

    @Test
    void aPlaybookThatDoesNotParseIsBadInputWithItsLocation() throws Exception {
        Path inventory = Files.writeString(tmp.resolve("hosts.ini"), "h1 ansible_connection=local\n");
        Path playbook = Files.writeString(tmp.resolve("site.yml"), "- hosts: all\n  tasks:\n    - nosuchmodule: {}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("drift", "-i", inventory.toString(), playbook.toString(), "--detailed-exitcode");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(playbook.toString() + ":3:");
    }

    @Test
    void locallyDriftFindsWhatApplyWouldChangeAndChangesNothing() throws Exception {
        Path inventory = Files.writeString(tmp.resolve("hosts.ini"), "h1 ansible_connection=local\n");
        Path target = tmp.resolve("managed.conf");
        Path playbook = Files.writeString(tmp.resolve("site.yml"), """
            - hosts: all
              gather_facts: false
              tasks:
                - name: managed file
                  copy: {dest: "%s", content: "wanted\\n", mode: "0644"}
            """.formatted(target));
        String[] drift = {"drift", "-i", inventory.toString(), playbook.toString(), "--detailed-exitcode"};

        Run before = run(drift);
        assertThat(before.code()).as(before.toString()).isEqualTo(2);
        assertThat(before.out()).contains("TASK [managed file]", "changed: [h1]", "+wanted",
            "DRIFT: 1 of 1 host drifted, 1 task would change", "  h1: managed file");
        assertThat(target).doesNotExist();
        Run plain = run("drift", "-i", inventory.toString(), playbook.toString());
        assertThat(plain.code()).as(plain.toString()).isZero();

        Run apply = run("apply", "-i", inventory.toString(), playbook.toString());
        assertThat(apply.code()).as(apply.toString()).isZero();
        Run after = run(drift);
        assertThat(after.code()).as(after.toString()).isZero();
        assertThat(after.out()).contains("DRIFT: none (1 host checked, no task would change)");

        Files.writeString(target, "edited by hand\n");
        Run edited = run(drift);
        assertThat(edited.code()).as(edited.toString()).isEqualTo(2);
        assertThat(edited.out()).contains("-edited by hand", "+wanted", "  h1: managed file");
        assertThat(Files.readString(target)).isEqualTo("edited by hand\n");
    }

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

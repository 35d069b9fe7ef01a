package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.playbook.parse.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code rmqfleet apply} listings compared byte for byte with what ansible-playbook 2.14 printed for the same
 * fixture (playbooks/listing/expected*.txt, produced by running ansible-playbook on it).
 */
class ApplyCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path listing(String file) {
        return Fixtures.playbook("listing/" + file);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--list-tasks|expected--list-tasks.txt",
        "--list-tags|expected--list-tags.txt",
        "--list-tasks --list-tags|expected--list-tasks_--list-tags.txt",
        "--list-tasks --tags t,rt --skip-tags a|expected--list-tasks_--tags_t_rt_--skip-tags_a.txt",
        "--list-hosts --limit ns1|expected--list-hosts_--limit_ns1.txt",
        "--syntax-check|expected--syntax-check.txt",
    })
    void listingsMatchAnsiblePlaybook(String flags, String expectedFile) throws IOException {
        String playbook = listing("site.yml").toString();
        List<String> args = new ArrayList<>(List.of("apply", "-i", listing("inventory.ini").toString(), playbook));
        args.addAll(List.of(flags.split(" ")));
        Run r = run(args.toArray(String[]::new));
        String expected = Files.readString(listing(expectedFile)).replace("playbook: site.yml", "playbook: " + playbook);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void unmatchedPatternIsAWarningOnStderr() {
        Run r = run("apply", "-i", listing("inventory.ini").toString(), listing("site.yml").toString(), "--list-hosts");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("[WARNING]: Could not match supplied host pattern, ignoring: nomatch\n");
        assertThat(r.out()).contains("    hosts (2):\n      ns1\n      b1\n");
    }

    @Test
    void limitMatchingNothingIsAnError() {
        Run r = run("apply", "-i", listing("inventory.ini").toString(), listing("site.yml").toString(),
            "--list-hosts", "--limit", "nosuch");
        assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.err()).endsWith(
            "ERROR! Specified inventory, host pattern and/or --limit leaves us with no hosts to target.\n");
    }

    @Test
    void allContractFlagsParse() {
        ApplyCommand cmd = new ApplyCommand();
        new CommandLine(cmd).parseArgs("-i", "a", "--inventory", "b", "pb.yml", "--limit", "x", "-t", "a,b", "--tags",
            "c", "--skip-tags", "d", "--check", "--diff", "--forks", "7", "-e", "k=v", "--extra-vars", "@f.yml",
            "--json", "out.json", "-v", "-v");
        assertThat(cmd.inventories).containsExactly("a", "b");
        assertThat(cmd.playbook).isEqualTo(Path.of("pb.yml"));
        assertThat(cmd.limit).isEqualTo("x");
        assertThat(cmd.tags).containsExactly("a", "b", "c");
        assertThat(cmd.skipTags).containsExactly("d");
        assertThat(cmd.check).isTrue();
        assertThat(cmd.diff).isTrue();
        assertThat(cmd.forks).isEqualTo(7);
        assertThat(cmd.extraVars).containsExactly("k=v", "@f.yml");
        assertThat(cmd.json).isEqualTo(Path.of("out.json"));
        assertThat(cmd.verbosity()).isEqualTo(2);
    }

    @Test
    void playbookErrorIsOneLineWithLocationAndExit4() throws IOException {
        Path pb = tmp.resolve("bad.yml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n    - debug: msg=x\n      whne: y\n");
        Run r = run("apply", "-i", listing("inventory.ini").toString(), pb.toString(), "--syntax-check");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).isEqualTo("ERROR! " + pb + ":4:7: unknown keyword or module 'whne' (did you mean 'when'?)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void syntaxCheckFindsBrokenTemplates() throws IOException {
        Path pb = tmp.resolve("tpl.yml");
        Files.writeString(pb, "- hosts: all\n  tasks:\n    - name: render\n      debug:\n        msg: \"{{ x | }}\"\n");
        Run r = run("apply", "-i", listing("inventory.ini").toString(), pb.toString(), "--syntax-check");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("ERROR! " + pb + ":3:7: task 'render' arguments: template syntax error: ")
            .endsWith("\n").hasLineCount(1);
    }

    @Test
    void badExtraVarsAndBadOptionsExit4() throws IOException {
        Run r = run("apply", "-i", listing("inventory.ini").toString(), listing("site.yml").toString(),
            "--list-tasks", "-e", "justtext");
        assertThat(r.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("ERROR! -e 'justtext': extra vars must be key=value pairs");

        Path vars = tmp.resolve("vars.yml");
        Files.writeString(vars, "a: [1\n");
        Run r2 = run("apply", "-i", listing("inventory.ini").toString(), listing("site.yml").toString(),
            "--list-tasks", "-e", "@" + vars);
        assertThat(r2.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r2.err()).startsWith("ERROR! " + vars + ":2:1: YAML syntax error");

        Run r3 = run("apply", "-i", "x", "pb.yml", "--nosuchflag");
        assertThat(r3.code()).isEqualTo(ExitCodes.BAD_INPUT);
        Run r4 = run("apply", "pb.yml");
        assertThat(r4.code()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void extraVarsReachThePlan() {
        Run r = run("apply", "-i", listing("inventory.ini").toString(), listing("site.yml").toString(), "--list-tasks",
            "-e", "pv=Prod");
        assertThat(r.out()).contains("play #3 (ns,broker): templated Prod\tTAGS: []");
    }
}

package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent role's pattern end to end on the local machine: a token from {@code -e @FILE} written by a
 * {@code no_log} copy task. Neither apply (with --diff, -vvv and --json) nor drift prints it anywhere, while the
 * file gets it with mode 0600.
 */
class NoLogSecretsTest {
    private static final String TOKEN = "s3cr3t-token-0123456789";

    @TempDir
    Path tmp;

    @Test
    void aNoLogTaskNeverShowsTheTokenItWrites() throws Exception {
        Path inventory = Files.writeString(tmp.resolve("hosts.ini"), "h1 ansible_connection=local\n");
        Path tokens = Files.writeString(tmp.resolve("agent-tokens.yml"), "agent_tokens:\n  h1: " + TOKEN + "\n");
        Path target = tmp.resolve("agent.token");
        Path playbook = Files.writeString(tmp.resolve("site.yml"), """
            - hosts: all
              gather_facts: false
              tasks:
                - name: Agent token (root only)
                  copy: {dest: "%s", content: "{{ agent_tokens[inventory_hostname] }}\\n", mode: "0600"}
                  no_log: true
            """.formatted(target));
        Path json = tmp.resolve("run.jsonl");

        String[] drift = {"drift", "-i", inventory.toString(), playbook.toString(), "-e", "@" + tokens, "-vvv"};
        String driftOutput = run(drift);
        assertThat(driftOutput).contains("changed: [h1]", "censored").doesNotContain(TOKEN);

        String applied = run("apply", "-i", inventory.toString(), playbook.toString(), "-e", "@" + tokens,
            "--diff", "-vvv", "--json", json.toString());
        assertThat(applied).contains("changed: [h1]", "censored").doesNotContain(TOKEN);
        assertThat(Files.readString(json)).contains("host_result").doesNotContain(TOKEN);
        assertThat(Files.readString(target)).isEqualTo(TOKEN + "\n");
        assertThat(Files.getPosixFilePermissions(target)).hasSize(2);

        // edited by hand: drift shows the task, not the diff
        Files.writeString(target, "other-token-value\n");
        String drifted = run("drift", "-i", inventory.toString(), playbook.toString(), "-e", "@" + tokens);
        assertThat(drifted).contains("  h1: Agent token (root only)").doesNotContain(TOKEN)
            .doesNotContain("other-token-value");
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return "exit " + code + "\n" + out + "\n" + err;
    }
}

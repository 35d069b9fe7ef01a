package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The verify command's contract without a cluster: bad input exits 4 before anything is contacted. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void invalidLayoutListsEveryProblemAndExits4() throws Exception {
        Path inv = dir.resolve("bad.yml");
        Files.writeString(inv, """
            broker:
              hosts:
                a: {ansible_host: 10.213.70.1, broker_name: broker-a, broker_id: 1}
                b: {ansible_host: 10.213.70.1, broker_name: broker-a, broker_id: 2, broker_role: SYNC_MASTER}
            """);
        assertThat(run("verify", "-i", inv.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("ERROR! " + inv + ": no NameServer")
            .contains(inv + ":4: host b: broker-a/2 is a slave (broker_id 2 > 0) but broker_role is SYNC_MASTER")
            .contains(inv + ":3: host a: brokerName broker-a has no master")
            .contains(inv + ":4: port 10911 on 10.213.70.1 is needed twice");
    }

    @Test
    void badOptionsExit4() throws Exception {
        Path inv = dir.resolve("ok.yml");
        Files.writeString(inv, "namesrv:\n  hosts:\n    n: {ansible_host: 10.213.70.2}\n");
        assertThat(run("verify", "-i", inv.toString(), "--messages", "0")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--messages must be at least 1");
        assertThat(run("verify", "-i", inv.toString(), "--timeout", "0")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("verify")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required option: '--inventory=INV'");
    }

    @Test
    void helpNamesTheExitCodes() {
        assertThat(run("verify", "--help")).isZero();
        assertThat(out.toString()).contains("--json", "--messages=N", "--timeout=S", "2: a check failed");
    }
}

package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.controller.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rmqfleet inventory}: flags, exit codes and the one-line error format. */
class InventoryCommandTest {
    @TempDir
    Path dir;
    Path hosts;
    String out;
    String err;

    @BeforeEach
    void write() throws Exception {
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, "[web]\nweb1 x=1\nweb2\n[db]\ndb1\n");
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        int code = cli.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void listHostAndGraph() {
        assertThat(run("inventory", "-i", hosts.toString(), "--list")).isEqualTo(0);
        assertThat(out).contains("\"web\": {\n        \"hosts\": [\n            \"web1\",\n            \"web2\"\n        ]");
        assertThat(run("inventory", "-i", hosts.toString(), "--host", "web1")).isEqualTo(0);
        assertThat(out).isEqualTo("{\n    \"x\": 1\n}\n");
        assertThat(run("inventory", "-i", hosts.toString(), "--graph", "web")).isEqualTo(0);
        assertThat(out).isEqualTo("@web:\n  |--web1\n  |--web2\n");
        assertThat(run("inventory", "-i", hosts.toString(), "--graph", "--vars", "web")).isEqualTo(0);
        assertThat(out).isEqualTo("@web:\n  |--web1\n  |  |--{x = 1}\n  |--web2\n");
    }

    @Test
    void limitRestrictsHosts() {
        assertThat(run("inventory", "-i", hosts.toString(), "--list", "--limit", "web1,db1")).isEqualTo(0);
        assertThat(out).contains("\"web1\"").doesNotContain("\"web2\"");
        assertThat(run("inventory", "-i", hosts.toString(), "--graph", "--limit", "db")).isEqualTo(0);
        assertThat(out).isEqualTo("@all:\n  |--@ungrouped:\n  |--@web:\n  |--@db:\n  |  |--db1\n");
    }

    @Test
    void badArgumentsExitFour() {
        assertThat(run("inventory", "-i", hosts.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err).contains("No action selected");
        assertThat(run("inventory", "-i", hosts.toString(), "--list", "--graph")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("inventory", "-i", hosts.toString(), "--host", "web")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err).contains("You must pass a single valid host to --host parameter");
        assertThat(run("inventory", "-i", hosts.toString(), "--graph", "nosuch")).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void parseErrorsAreOneLineWithLocation() throws Exception {
        Files.writeString(hosts, "[web]\nweb1\n[web:oops]\n");
        assertThat(run("inventory", "-i", hosts.toString(), "--list")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err).isEqualTo("ERROR! " + hosts + ":3:1: Section [web:oops] has unknown type: oops\n");
        assertThat(out).isEmpty();
    }

    @Test
    void warningsGoToStderr() throws Exception {
        Path yaml = dir.resolve("inv.yml");
        Files.writeString(yaml, "web:\n  hosts:\n    h1:\n  bogus: {}\n");
        assertThat(run("inventory", "-i", yaml.toString(), "--list")).isEqualTo(0);
        assertThat(err).contains("[WARNING]: Skipping unexpected key (bogus) in group (web)");
    }
}

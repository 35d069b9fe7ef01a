package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.executor.PingResult;
import org.junit.jupiter.api.Test;

class PingCommandTest {

    @Test
    void linesLookLikeAnsiblesAdHocOutput() {
        assertThat(PingCommand.render(new PingResult("host1", true, "pong"), false))
            .isEqualTo("host1 | SUCCESS => {\n    \"changed\": false,\n    \"ping\": \"pong\"\n}");
        assertThat(PingCommand.render(new PingResult("host2", false, "host2 (10.213.0.12:22): cannot connect"), true))
            .isEqualTo("host2 | UNREACHABLE! => {\"changed\": false, \"msg\": \"host2 (10.213.0.12:22): cannot connect\", "
                + "\"unreachable\": true}");
    }

    @Test
    void noHostsIsAWarningNotAnError() {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("ping", "-i", "nothere,", "--limit", "elsewhere");
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("No hosts matched");
    }
}

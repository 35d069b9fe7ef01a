package io.rmqfleet.controller.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden lines below were captured from ansible-playbook 2.14 (default callback, no colour, not a tty). */
class ConsoleCallbackTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ConsoleCallback console =
            new ConsoleCallback(new PrintStream(buffer, true, StandardCharsets.UTF_8), 0, true);

    private String printed() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bannersFillTo80Columns() {
        console.playStarted("all");
        console.taskStarted("say", false);
        console.taskStarted("restart broker", true);
        assertThat(printed()).isEqualTo("\n"
                + "PLAY [all] *********************************************************************\n\n"
                + "TASK [say] *********************************************************************\n\n"
                + "RUNNING HANDLER [restart broker] ***********************************************\n");
    }

    @Test
    void longTaskNamesStillGetThreeStars() {
        String name = "x".repeat(100);
        assertThat(Banner.of("TASK [" + name + "]")).endsWith("] ***");
    }

    @Test
    void recapLineIsAnsiblesExactFormat() {
        Recap recap = new Recap();
        recap.add(HostTaskResult.of("localhost", "say", TaskStatus.CHANGED, Map.of("changed", true)));
        recap.add(HostTaskResult.of("localhost", "skip me", TaskStatus.SKIPPED, Map.of()));
        recap.add(HostTaskResult.of("localhost", "fail", TaskStatus.FAILED, Map.of("changed", true))
                .ignoringErrors());
        recap.add(HostTaskResult.of("localhost", "loop", TaskStatus.OK, Map.of()));
        recap.add(HostTaskResult.of("other", "say", TaskStatus.UNREACHABLE, Map.of()));

        console.runFinished(recap, Duration.ofSeconds(2));

        assertThat(printed()).isEqualTo("\n"
                + "PLAY RECAP *********************************************************************\n"
                + "localhost                  : ok=3    changed=2    unreachable=0    failed=0    skipped=1    "
                + "rescued=0    ignored=1   \n"
                + "other                      : ok=0    changed=0    unreachable=1    failed=0    skipped=0    "
                + "rescued=0    ignored=0   \n\n");
        assertThat(recap.exitCode()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
    }

    @Test
    void exitCodeIsTwoWhenAHostFailedAndNoneWasUnreachable() {
        Recap recap = new Recap();
        recap.add(HostTaskResult.of("a", "t", TaskStatus.OK, Map.of()));
        assertThat(recap.exitCode()).isEqualTo(ExitCodes.OK);
        recap.add(HostTaskResult.of("b", "t", TaskStatus.FAILED, Map.of()));
        assertThat(recap.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
        recap.add(HostTaskResult.of("c", "t", TaskStatus.FAILED, Map.of()).rescuedByBlock());
        assertThat(recap.of("c")).isEqualTo(new HostStats(0, 0, 0, 0, 0, 1, 0));
    }

    @Test
    void failureLineShowsSortedPythonStyleJson() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rc", 1);
        data.put("msg", "non-zero return code");
        data.put("changed", true);
        data.put("stderr_lines", List.of());
        console.hostResult(HostTaskResult.of("localhost", "fail", TaskStatus.FAILED, data).ignoringErrors());
        assertThat(printed()).isEqualTo("fatal: [localhost]: FAILED! => {\"changed\": true, "
                + "\"msg\": \"non-zero return code\", \"rc\": 1, \"stderr_lines\": []}\n...ignoring\n");
    }

    @Test
    void unreachableLine() {
        console.hostResult(HostTaskResult.of("other", "say", TaskStatus.UNREACHABLE,
                Map.of("changed", false, "msg", "connection refused", "unreachable", true)));
        assertThat(printed()).isEqualTo("fatal: [other]: UNREACHABLE! => {\"changed\": false, "
                + "\"msg\": \"connection refused\", \"unreachable\": true}\n");
    }

    @Test
    void debugLoopItemsPrintIndentedMessage() {
        console.hostResult(HostTaskResult.of("localhost", "loop", TaskStatus.OK,
                Map.of("msg", "a", "_debug", true)).withItem("a"));
        assertThat(printed()).isEqualTo("ok: [localhost] => (item=a) => {\n    \"msg\": \"a\"\n}\n");
    }

    @Test
    void plainLinesAndItems() {
        console.hostResult(HostTaskResult.of("h1", "t", TaskStatus.CHANGED, Map.of("changed", true)));
        console.hostResult(HostTaskResult.of("h2", "t", TaskStatus.SKIPPED, Map.of()).withItem("x"));
        console.hostResult(HostTaskResult.of("h3", "t", TaskStatus.FAILED, Map.of("rc", 2)).withItem("y"));
        assertThat(printed()).isEqualTo("changed: [h1]\nskipping: [h2] => (item=x) \n"
                + "failed: [h3] (item=y) => {\"rc\": 2}\n");
    }

    @Test
    void noLogHidesDataItemsAndDiff() {
        console.hostResult(HostTaskResult.of("h1", "secret", TaskStatus.FAILED,
                Map.of("msg", "password=hunter2", "changed", false)).withItem("hunter2")
                .withDiff("+password=hunter2\n").hidden(true));
        assertThat(printed()).doesNotContain("hunter2").contains("(item=None)").contains("censored");
    }

    @Test
    void diffIsPrintedBeforeTheResultLine() {
        console.hostResult(HostTaskResult.of("h1", "conf", TaskStatus.CHANGED, Map.of("changed", true))
                .withDiff("--- before\n+++ after\n@@ -1 +1 @@\n-a\n+b"));
        assertThat(printed()).isEqualTo("--- before\n+++ after\n@@ -1 +1 @@\n-a\n+b\nchanged: [h1]\n");
    }

    @Test
    void verboseOkLinesShowTheirData() {
        ConsoleCallback verbose = new ConsoleCallback(new PrintStream(buffer, true, StandardCharsets.UTF_8), 1, false);
        verbose.hostResult(HostTaskResult.of("h1", "t", TaskStatus.OK, Map.of("changed", false, "rc", 0)));
        assertThat(printed()).isEqualTo("ok: [h1] => {\"changed\": false, \"rc\": 0}\n");
    }
}

package io.rmqfleet.controller.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines the executor's extra events print, as ansible-playbook 2.14 prints them (no colour). */
class ConsoleExecutorEventsTest {
    private final StringWriter buffer = new StringWriter();
    private final ConsoleCallback console = new ConsoleCallback(new PrintWriter(buffer, true), 0, false);

    @Test
    void retryIncludedAndNoHosts() {
        console.retrying(HostTaskResult.of("a", "retry", TaskStatus.CHANGED, Map.of("attempts", 1)), 2);
        console.included("/tmp/exe/inc.yml", List.of("a", "b"), null);
        console.included("/tmp/exe/inc.yml", List.of("a", "b"), "x");
        console.noHostsMatched();
        assertThat(buffer.toString()).isEqualTo("FAILED - RETRYING: [a]: retry (2 retries left).\n"
            + "included: /tmp/exe/inc.yml for a, b\n"
            + "included: /tmp/exe/inc.yml for a, b => (item=x)\n"
            + "skipping: no hosts matched\n");
    }

    @Test
    void aLoopResultPrintsOnlyWhatAnsiblePrintsAfterTheItems() {
        console.hostResult(HostTaskResult.of("a", "l", TaskStatus.CHANGED, Map.of("changed", true, ConsoleCallback.LOOP, true)));
        console.hostResult(HostTaskResult.of("a", "l", TaskStatus.SKIPPED, Map.of(ConsoleCallback.LOOP, true)));
        console.hostResult(HostTaskResult.of("a", "l", TaskStatus.FAILED, Map.of(ConsoleCallback.LOOP, true))
            .ignoringErrors());
        assertThat(buffer.toString()).isEqualTo("skipping: [a]\n...ignoring\n");
    }

    @Test
    void delegatedHostsFailedFlagsAndDebugVars() {
        console.hostResult(HostTaskResult.of("b", "d", TaskStatus.CHANGED,
            Map.of("changed", true, ConsoleCallback.DELEGATED_TO, "localhost")));
        console.hostResult(HostTaskResult.of("b", "f", TaskStatus.FAILED,
            Map.of("changed", false, "failed", true, "msg", "no")));
        console.hostResult(HostTaskResult.of("b", "v", TaskStatus.OK,
            Map.of("changed", false, "failed", false, "lf.msg", "x", "_debug", true)));
        assertThat(buffer.toString()).isEqualTo("changed: [b -> localhost]\n"
            + "fatal: [b]: FAILED! => {\"changed\": false, \"msg\": \"no\"}\n"
            + "ok: [b] => {\n    \"lf.msg\": \"x\"\n}\n");
    }
}

package io.rmqfleet.controller.module.control;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.testing.MapTemplates;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** debug, set_fact, assert and fail run on the controller: no connection at all. */
class ControlModulesTest {
    private final ModuleRunner runner = new ModuleRunner(null,
            new MapTemplates(Map.of("role", "master", "ready", true, "ports", List.of(9876))), null);

    @Test
    void debugMsgKeepsItsShapeAndVarIsEvaluated() {
        assertThat(runner.apply(new DebugModule(), Map.of("msg", List.of("a", "b"))).data())
                .containsEntry("msg", List.of("a", "b")).containsEntry("changed", false);
        assertThat(runner.apply(new DebugModule(), Map.of()).data()).containsEntry("msg", "Hello world!");
        assertThat(runner.apply(new DebugModule(), Map.of("var", "ports")).data()).containsEntry("ports", List.of(9876));
        assertThat(runner.apply(new DebugModule(), Map.of("var", "nope")).data())
                .containsEntry("nope", "VARIABLE IS NOT DEFINED!");
        assertThat(runner.apply(new DebugModule(), Map.of("var", "x", "msg", "y")).failed()).isTrue();
    }

    @Test
    void setFactReturnsFacts() {
        ModuleResult r = runner.apply(new SetFactModule(), Map.of("broker_ip", "10.213.0.11", "cacheable", true));
        assertThat(r.changed()).isFalse();
        assertThat(r.facts()).isEqualTo(Map.of("broker_ip", "10.213.0.11"));
        assertThat(r.data()).containsEntry("ansible_facts", Map.of("broker_ip", "10.213.0.11"));
        assertThat(runner.apply(new SetFactModule(), Map.of("bad-name", 1)).msg().orElseThrow())
                .contains("set_fact: the variable name 'bad-name' is not valid");
        assertThat(runner.apply(new SetFactModule(), Map.of()).failed()).isTrue();
    }

    @Test
    void assertPassesOrNamesTheFailingCondition() {
        ModuleResult ok = runner.apply(new AssertModule(), Map.of("that", List.of("ready", "role == 'master'")));
        assertThat(ok.failed()).isFalse();
        assertThat(ok.msg().orElseThrow())
                .contains("All assertions passed");

        ModuleResult bad = runner.apply(new AssertModule(),
                Map.of("that", List.of("ready", "role == 'slave'"), "fail_msg", "wrong role"));
        assertThat(bad.failed()).isTrue();
        assertThat(bad.data()).containsEntry("msg", "wrong role").containsEntry("assertion", "role == 'slave'")
                .containsEntry("evaluated_to", false);

        ModuleResult single = runner.apply(new AssertModule(), Map.of("that", "not ready"));
        assertThat(single.data()).containsEntry("msg", "Assertion failed");

        ModuleResult undefined = runner.apply(new AssertModule(), Map.of("that", "missing_var"));
        assertThat(undefined.msg().orElseThrow())
                .contains("The conditional check 'missing_var' failed: 'missing_var' is undefined");

        assertThat(runner.apply(new AssertModule(), Map.of("that", "ready", "quiet", true)).msg()).isEmpty();
        assertThat(runner.apply(new AssertModule(), Map.of("that", "ready", "msg", "m")).failed()).isFalse();
    }

    @Test
    void failFails() {
        assertThat(runner.apply(new FailModule(), Map.of()).data())
                .containsEntry("failed", true).containsEntry("msg", "Failed as requested from task");
        assertThat(runner.apply(new FailModule(), Map.of("msg", "no")).msg().orElseThrow())
                .contains("no");
    }

    @Test
    void controllerModulesNeedNoConnection() {
        assertThat(List.of(new DebugModule(), new SetFactModule(), new AssertModule(), new FailModule()))
                .allSatisfy(m -> assertThat(m.needsConnection()).isFalse());
    }
}

package io.rmqfleet.controller.module;

import io.rmqfleet.controller.connection.ExecResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleResultTest {

    @Test
    void registerDataHasAnsiblesKeys() {
        ModuleResult r = ModuleResult.builder(true).rc(0).stdout("a\nb\n").stderr("").put("cmd", List.of("x"))
                .diff(Diff.of("/etc/x", "1\n", "2\n")).build();
        Map<String, Object> data = r.data();
        assertThat(data).containsEntry("changed", true).containsEntry("failed", false).containsEntry("rc", 0)
                .containsEntry("stdout", "a\nb\n").containsEntry("stdout_lines", List.of("a", "b"))
                .containsEntry("stderr", "").containsEntry("stderr_lines", List.of())
                .containsEntry("cmd", List.of("x")).doesNotContainKey("skipped").doesNotContainKey("ansible_facts");
        assertThat(data.get("diff")).isEqualTo(Map.of("before_header", "/etc/x (before)",
                "after_header", "/etc/x (after)", "before", "1\n", "after", "2\n"));
        assertThat(r.status()).isEqualTo(ModuleStatus.CHANGED);
    }

    @Test
    void skippedFailedFactsAndDiffs() {
        assertThat(ModuleResult.skipped("why").data()).containsEntry("skipped", true).containsEntry("changed", false)
                .containsEntry("msg", "why");
        assertThat(ModuleResult.failed("no").data()).containsEntry("failed", true);
        ModuleResult facts = ModuleResult.okBuilder().fact("a", 1).build();
        assertThat(facts.data()).containsEntry("ansible_facts", Map.of("a", 1));
        ModuleResult two = ModuleResult.builder(true).diff(Diff.of("a", "1", "2")).diff(Diff.of("b", "x", "x"))
                .diff(null).diff(Diff.of("c", "", "3")).build();
        assertThat(two.diffs()).hasSize(2); // equal before/after adds nothing
        assertThat((List<?>) two.data().get("diff")).hasSize(2);
        assertThat(ModuleResult.lines("a\r\nb")).containsExactly("a", "b");
    }

    @Test
    void invokerValidatesSkipsAndTurnsFailuresIntoResults() {
        TaskModule noCheck = new TaskModule() {
            public String name() {
                return "nocheck";
            }

            public boolean supportsCheckMode() {
                return false;
            }

            public ArgSpec argSpec() {
                return ArgSpec.builder().required("x").build();
            }

            public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
                throw ModuleFailure.of("doing " + args.string("x"), new ExecResult(2, "out", "line1\nboom"));
            }
        };
        ModuleContext check = ModuleContext.builder("h1").checkMode(true).build();
        ModuleContext real = ModuleContext.builder("h1").build();
        assertThat(ModuleInvoker.invoke(noCheck, check, Map.of("y", 1)).msg())
                .contains("nocheck: unsupported argument 'y' (supported: x)");
        assertThat(ModuleInvoker.invoke(noCheck, check, Map.of("x", 1)).data())
                .containsEntry("skipped", true).containsEntry("msg", "remote module (nocheck) does not support check mode");
        ModuleResult failed = ModuleInvoker.invoke(noCheck, real, Map.of("x", "it"));
        assertThat(failed.data()).containsEntry("failed", true).containsEntry("rc", 2).containsEntry("stdout", "out")
                .containsEntry("msg", "doing it failed (rc=2): line1\nboom");
    }
}

package io.rmqfleet.controller.module.control;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

import java.util.List;

/**
 * {@code assert}: every condition in {@code that} must hold (evaluated like {@code when:}); the first false one
 * fails the task with {@code fail_msg}. Runs on the controller.
 */
public final class AssertModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("that")
            .optional("fail_msg", "success_msg", "quiet")
            .alias("msg", "fail_msg")
            .build();

    @Override
    public String name() {
        return "assert";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public boolean needsConnection() {
        return false;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        List<String> conditions = args.stringList("that");
        for (String condition : conditions) {
            boolean holds;
            try {
                holds = ctx.templates().isTrue(condition);
            } catch (RuntimeException e) {
                return ModuleResult.failure("The conditional check '" + condition + "' failed: " + e.getMessage())
                        .put("assertion", condition).put("evaluated_to", false).build();
            }
            if (!holds) {
                return ModuleResult.failure(args.string("fail_msg", "Assertion failed"))
                        .put("assertion", condition).put("evaluated_to", false).build();
            }
        }
        ModuleResult.Builder ok = ModuleResult.okBuilder();
        if (!args.bool("quiet", false)) {
            ok.msg(args.string("success_msg", "All assertions passed"));
        }
        return ok.build();
    }
}

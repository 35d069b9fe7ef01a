package io.rmqfleet.controller.module.control;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

/** {@code fail}: fails the task with {@code msg} (used with {@code when:}). Runs on the controller. */
public final class FailModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder().optional("msg").build();

    @Override
    public String name() {
        return "fail";
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
        return ModuleResult.failed(args.string("msg", "Failed as requested from task"));
    }
}

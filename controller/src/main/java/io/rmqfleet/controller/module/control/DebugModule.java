package io.rmqfleet.controller.module.control;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

/**
 * {@code debug}: returns {@code msg} (already templated) or the value of the variable expression {@code var};
 * the output plug-in shows it. Runs on the controller.
 */
public final class DebugModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("msg", "var", "verbosity")
            .mutuallyExclusive("msg", "var")
            .build();

    @Override
    public String name() {
        return "debug";
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
        if (args.has("var")) {
            String var = args.string("var");
            Object value;
            try {
                value = ctx.templates().evaluate(var);
            } catch (RuntimeException e) {
                value = "VARIABLE IS NOT DEFINED!";
            }
            return ModuleResult.okBuilder().put(var, value).build();
        }
        // msg may be any YAML value (a list, a mapping): keep its shape, as Ansible prints it
        Object msg = args.has("msg") ? args.raw("msg") : "Hello world!";
        return ModuleResult.okBuilder().put("msg", msg).build();
    }
}

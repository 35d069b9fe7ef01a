package io.rmqfleet.controller.module;

import io.rmqfleet.controller.connection.ExecResult;

import java.util.Map;

/**
 * Runs one module the same way for every task: validates the arguments against the module's {@link ArgSpec},
 * skips modules that cannot run in check mode, and turns a {@link ModuleFailure} into a failed result.
 * An {@link io.rmqfleet.controller.connection.UnreachableException} is not caught: the executor marks the host
 * unreachable.
 */
public final class ModuleInvoker {

    private ModuleInvoker() {
    }

    public static ModuleResult invoke(TaskModule module, ModuleContext ctx, Map<String, ?> rawArgs) {
        ModuleArgs args;
        try {
            args = module.argSpec().validate(ModuleArgs.of(rawArgs));
        } catch (ModuleFailure e) {
            return ModuleResult.failed(module.name() + ": " + e.getMessage());
        }
        if (ctx.checkMode() && !module.supportsCheckMode()) {
            return ModuleResult.skipped("remote module (" + module.name() + ") does not support check mode");
        }
        try {
            return module.run(ctx, args);
        } catch (ModuleArgumentException e) {
            return ModuleResult.failed(module.name() + ": " + e.getMessage());
        } catch (ModuleFailure e) {
            ModuleResult.Builder failed = ModuleResult.failure(e.getMessage());
            ExecResult exec = e.execResult();
            if (exec != null) {
                failed.rc(exec.exitCode()).stdout(exec.stdout()).stderr(exec.stderr());
            }
            return failed.build();
        }
    }
}

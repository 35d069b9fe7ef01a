package io.rmqfleet.controller.module.command;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

/** {@code shell}: runs the text through {@code sh} (or {@code executable}), pipes and redirects included. */
public final class ShellModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("_raw_params", "cmd", "creates", "removes", "chdir", "executable", "stdin", "stdin_add_newline",
                    "strip_empty_ends")
            .mutuallyExclusive("_raw_params", "cmd")
            .requiredOneOf("_raw_params", "cmd")
            .build();

    @Override
    public String name() {
        return "shell";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        String text = args.has("cmd") ? args.string("cmd") : args.string("_raw_params");
        if (text.isBlank()) {
            throw new ModuleArgumentException("no command given");
        }
        return CommandRun.run(ctx, args, CommandLine.withExecutable(args.optString("executable").orElse(null), text), text);
    }
}

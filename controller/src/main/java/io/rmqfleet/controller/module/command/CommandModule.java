package io.rmqfleet.controller.module.command;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.ShellQuote;
import io.rmqfleet.controller.module.support.ShellWords;

import java.util.List;

/**
 * {@code command}: runs a program with arguments, no shell features (no pipes, redirects or variables): the
 * words are split like a shell would and each is quoted, so only the program named runs.
 */
public final class CommandModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("_raw_params", "cmd", "argv", "creates", "removes", "chdir", "stdin", "stdin_add_newline",
                    "strip_empty_ends")
            .mutuallyExclusive("_raw_params", "cmd", "argv")
            .requiredOneOf("_raw_params", "cmd", "argv")
            .build();

    @Override
    public String name() {
        return "command";
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
        List<String> argv = args.has("argv") ? args.stringList("argv")
                : ShellWords.split(args.has("cmd") ? args.string("cmd") : args.string("_raw_params"));
        if (argv.isEmpty()) {
            throw new ModuleArgumentException("no command given");
        }
        return CommandRun.run(ctx, args, ShellQuote.join(argv), argv);
    }
}

package io.rmqfleet.controller.module.support;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;

import java.time.Duration;

/** Runs commands on the task's host with the task's timeout; {@link #check} turns a non-zero exit into a failure. */
public final class Remote {
    private final ModuleContext ctx;

    public Remote(ModuleContext ctx) {
        this.ctx = ctx;
    }

    public ExecResult run(String command) {
        return ctx.connection().exec(command, ctx.commandTimeout());
    }

    public ExecResult run(String command, Duration timeout) {
        return ctx.connection().exec(command, timeout);
    }

    public ExecResult run(String command, byte[] stdin) {
        return ctx.connection().exec(command, stdin, ctx.commandTimeout());
    }

    /** Runs {@code command}; a non-zero exit fails the task with {@code what}, the exit code and stderr's tail. */
    public ExecResult check(String what, String command) {
        ExecResult result = run(command);
        if (!result.ok()) {
            throw ModuleFailure.of(what, result);
        }
        return result;
    }

    public ExecResult check(String what, String command, Duration timeout) {
        ExecResult result = run(command, timeout);
        if (!result.ok()) {
            throw ModuleFailure.of(what, result);
        }
        return result;
    }
}

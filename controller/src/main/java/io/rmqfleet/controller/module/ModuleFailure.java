package io.rmqfleet.controller.module;

import io.rmqfleet.controller.connection.ExecResult;

/**
 * The task failed for a reason meant for people (bad argument, missing file, remote command exited non-zero).
 * {@link ModuleInvoker} turns it into a failed {@link ModuleResult}; the executor adds host and task names.
 */
public class ModuleFailure extends RuntimeException {
    private final transient ExecResult execResult;

    public ModuleFailure(String message) {
        this(message, null);
    }

    public ModuleFailure(String message, ExecResult execResult) {
        super(message);
        this.execResult = execResult;
    }

    /** The remote command behind the failure, when there was one (its rc and output go into the result). */
    public ExecResult execResult() {
        return execResult;
    }

    /** A failure for a remote command: what was attempted, its exit code and the last lines it printed. */
    public static ModuleFailure of(String what, ExecResult result) {
        String tail = result.tail(5);
        String message = what + " failed (rc=" + result.exitCode() + ")" + (tail.isBlank() ? "" : ": " + tail);
        return new ModuleFailure(message, result);
    }
}

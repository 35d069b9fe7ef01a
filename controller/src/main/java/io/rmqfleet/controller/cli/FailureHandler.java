package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.input.InputException;
import picocli.CommandLine;

/** Turns exceptions into one readable line; the stack trace only with RMQFLEET_DEBUG=1 (or -vvv where supported). */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        if ("1".equals(System.getenv("RMQFLEET_DEBUG"))) {
            ex.printStackTrace(cmd.getErr());
        }
        if (ex instanceof UserFacingException user) {
            cmd.getErr().println("ERROR! " + user.getMessage());
            return user.exitCode();
        }
        if (ex instanceof InputException input) {
            cmd.getErr().println("ERROR! " + input.describe());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof InterruptedException) {
            cmd.getErr().println("ERROR! interrupted");
            return ExitCodes.INTERRUPTED;
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("ERROR! " + message);
        return ExitCodes.ERROR;
    }
}

package io.rmqfleet.controller.cli;

import picocli.CommandLine;

/** Unknown options or missing arguments: one line plus usage, exit 4 like ansible-playbook. */
final class BadArgumentsHandler implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("ERROR! " + ex.getMessage());
        cmd.usage(cmd.getErr());
        return ExitCodes.BAD_INPUT;
    }
}

package io.rmqfleet.controller.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/rmqfleet}. Each sub-command lives in its own class; this one only wires them
 * together and maps failures to ansible-playbook's exit codes (see {@link ExitCodes}).
 */
@Command(
    name = "rmqfleet",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Deploys and watches Apache RocketMQ clusters on plain Linux hosts over SSH.",
    subcommands = {
        CommandLine.HelpCommand.class,
        InventoryCommand.class,
        ApplyCommand.class,
        PingCommand.class,
        TestbedCommand.class,
        DemoCommand.class,
        VerifyCommand.class,
        ServeCommand.class,
        ConsoleCommand.class,
        DriftCommand.class,
    })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        // "@file" belongs to the commands (-e @vars.yml, --limit @hosts.txt), not to picocli's argument files.
        cli.setExpandAtFiles(false);
        cli.setParameterExceptionHandler(new BadArgumentsHandler());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.exit(code);
    }
}

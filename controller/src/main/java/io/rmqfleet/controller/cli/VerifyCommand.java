package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.verify.LiveVerify;
import io.rmqfleet.controller.rocketmq.verify.ReportJson;
import io.rmqfleet.controller.rocketmq.verify.ReportTable;
import io.rmqfleet.controller.rocketmq.verify.VerifyOptions;
import io.rmqfleet.controller.rocketmq.verify.VerifyReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rmqfleet verify}: proves from this machine that the inventory's RocketMQ cluster works. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Prove the RocketMQ cluster of an inventory works, from this machine: NameServers answer and list",
        "every broker at its inventory address, slaves replicate, broker ports answer, a test topic exists on every",
        "master, test messages are produced and consumed back, dashboards answer.",
        "Exit 0: all checks passed; 2: a check failed; 4: the inventory is not a valid cluster."})
public final class VerifyCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INV",
        description = "Inventory file, directory or host list (repeatable; merged in order).")
    List<String> inventories;

    @Option(names = "--json", description = "Print the report as JSON (for scripts) instead of a table.")
    boolean json;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "" + VerifyOptions.DEFAULT_MESSAGES,
        description = "Test messages to produce and consume back (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60",
        description = "Seconds the whole verify may take; a dead cluster fails by then (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (messages < 1) {
            throw new UserFacingException("--messages must be at least 1", ExitCodes.BAD_INPUT);
        }
        if (timeoutSeconds < 1) {
            throw new UserFacingException("--timeout must be at least 1 second", ExitCodes.BAD_INPUT);
        }
        Inventory inventory = Inventory.loadSources(inventories);
        PrintWriter err = spec.commandLine().getErr();
        inventory.warnings().forEach(w -> err.println("[WARNING]: " + w));
        err.flush();
        ClusterLayout layout = ClusterLayout.from(inventory);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Duration callTimeout = timeout.compareTo(VerifyOptions.DEFAULT_CALL_TIMEOUT) < 0 ? timeout : VerifyOptions.DEFAULT_CALL_TIMEOUT;
        VerifyOptions options = new VerifyOptions(messages, timeout, callTimeout, VerifyOptions.DEFAULT_TOPIC);
        VerifyReport report = LiveVerify.run(layout, options);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.render(report) + "\n" : ReportTable.render(report));
        out.flush();
        return report.exitCode();
    }
}

package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.inventory.InventoryReport;
import io.rmqfleet.controller.inventory.Limit;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rmqfleet inventory}: shows an inventory exactly as {@code ansible-inventory} would. */
@Command(name = "inventory", mixinStandardHelpOptions = true,
    description = {"Show hosts, groups and variables of an inventory (output as ansible-inventory).",
        "INI, YAML and JSON inventories, directories of them and host lists; group_vars/ and host_vars/ beside them."})
public final class InventoryCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, required = true, paramLabel = "INV",
        description = "Inventory file, directory or host list (repeatable; merged in order).")
    List<String> inventories;

    @Option(names = "--list", description = "Print all groups and host variables as JSON.")
    boolean list;

    @Option(names = "--host", paramLabel = "NAME", description = "Print one host's variables as JSON.")
    String host;

    @Option(names = "--graph", description = "Print the group tree (from GROUP, default all).")
    boolean graph;

    @Option(names = "--vars", description = "With --graph: show variables too.")
    boolean showVars;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN",
        description = "Only hosts matching this pattern; @FILE reads patterns from a file.")
    String limit;

    @Parameters(arity = "0..1", paramLabel = "GROUP", description = "With --graph: the group to start from.")
    String group;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int actions = (list ? 1 : 0) + (host != null ? 1 : 0) + (graph ? 1 : 0);
        if (actions == 0) {
            throw new UserFacingException(
                "No action selected, at least one of --host, --graph or --list needs to be specified.", ExitCodes.BAD_INPUT);
        }
        if (actions > 1) {
            throw new UserFacingException(
                "Conflicting options used, only one of --host, --graph or --list can be used at the same time.", ExitCodes.BAD_INPUT);
        }
        Inventory inventory = Inventory.loadSources(inventories);
        Limit subset = limit == null ? null : Limit.parse(limit);
        PrintWriter err = spec.commandLine().getErr();
        inventory.warnings().forEach(w -> err.println("[WARNING]: " + w));
        err.flush();
        InventoryReport report = new InventoryReport(inventory, subset);
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            out.println(report.listJson());
        } else if (host != null) {
            List<Host> matched = inventory.select(host, subset);
            if (matched.size() != 1) {
                throw new UserFacingException("You must pass a single valid host to --host parameter", ExitCodes.BAD_INPUT);
            }
            out.println(report.hostJson(matched.get(0).name()));
        } else {
            String start = group == null ? "all" : group;
            if (inventory.group(start).isEmpty()) {
                throw new UserFacingException("Pattern must be valid group name when using --graph", ExitCodes.BAD_INPUT);
            }
            out.println(report.graph(start, showVars));
        }
        out.flush();
        return ExitCodes.OK;
    }
}

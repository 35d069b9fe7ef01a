package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.plan.PlanOptions;
import io.rmqfleet.controller.playbook.plan.Planner;
import io.rmqfleet.controller.playbook.plan.TagSelection;
import io.rmqfleet.controller.playbook.plan.TemplateCheck;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.ExtraVars;
import io.rmqfleet.controller.playbook.vars.InventoryView;
import io.rmqfleet.controller.playbook.vars.InventoryViews;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rmqfleet drift -i INV PLAYBOOK}: the playbook in check mode with diffs, i.e. exactly what {@code apply
 * --check --diff} would print, then a summary of the hosts that drifted from it and the tasks that would change
 * them. Nothing on the hosts is changed. Exit codes: {@link DriftExitCode}.
 */
@Command(name = "drift", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compare the hosts with a playbook (check mode + diff) and report what drifted.")
public final class DriftCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "INV", required = true,
        description = "Inventory file, directory or host list; repeatable.")
    List<String> inventories = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The playbook that describes the wanted state.")
    Path playbook;

    @Option(names = "--detailed-exitcode",
        description = "Exit 0 when nothing drifted, 2 when something did, 1 on error.")
    boolean detailedExitCode;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Further limit hosts to a pattern.")
    String limit;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
        description = "Extra variables: key=value, a YAML/JSON mapping, or @FILE; repeatable.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the check run's events and recap as JSON.")
    Path json;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", defaultValue = "10",
        description = "Number of hosts checked in parallel (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--accept-new-hosts",
        description = "Record the host keys of hosts not yet in known_hosts (trust on first use).")
    boolean acceptNewHosts;

    @Option(names = "-v", description = "More output (repeat for more).")
    boolean[] verbose = new boolean[0];

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (forks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forks must be at least 1");
        }
        Templar templar = Templar.shared().warmUpInBackground();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Playbook book = new PlaybookParser().parse(playbook);
        Map<String, Object> extra = ExtraVars.parse(extraVars);
        InventoryView inventory = InventoryViews.of(InventorySources.load(inventories, err));
        PlanOptions options = new PlanOptions(extra, limit, new TagSelection(Set.of(), Set.of()), true);
        Plan plan = new Planner(templar).plan(inventory, book, options);
        for (String warning : plan.warnings()) {
            err.println("[WARNING]: " + warning);
        }
        if (limit != null && plan.allHosts().isEmpty()) {
            throw new UserFacingException(
                "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.", ExitCodes.ERROR);
        }
        TemplateCheck.check(book, templar);

        DriftTally tally = new DriftTally();
        PlaybookRun.Options run = new PlaybookRun.Options(forks, true, true, verbose.length, json, acceptNewHosts);
        int code = new PlaybookRun(run, out, err).execute(plan, inventory, templar, List.of(tally));
        out.println();
        out.print(tally.summary());
        out.flush();
        return DriftExitCode.of(code, !tally.drifted().isEmpty(), detailedExitCode);
    }
}

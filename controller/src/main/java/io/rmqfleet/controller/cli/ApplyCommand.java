package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.inventory.Inventory;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rmqfleet apply -i INV PLAYBOOK}: ansible-playbook's contract. Parses the playbook and inventory, plans
 * the run, then lists it ({@code --list-hosts}, {@code --list-tasks}, {@code --list-tags}), checks its syntax
 * including every template's ({@code --syntax-check}), or runs it.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Runs a playbook against the inventory's hosts, like ansible-playbook.")
public final class ApplyCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "INV", required = true,
        description = "Inventory file, directory or host list; repeatable.")
    List<String> inventories = new ArrayList<>();

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "The playbook to run.")
    Path playbook;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Further limit hosts to a pattern.")
    String limit;

    @Option(names = {"-t", "--tags"}, paramLabel = "TAGS", split = ",",
        description = "Only run plays and tasks tagged with these values.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--skip-tags", paramLabel = "TAGS", split = ",",
        description = "Only run plays and tasks whose tags do not match these values.")
    List<String> skipTags = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Don't make any changes; predict them instead.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show the differences in changed files and templates.")
    boolean diff;

    @Option(names = {"-f", "--forks"}, paramLabel = "N", defaultValue = "10",
        description = "Number of hosts worked on in parallel (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "VARS",
        description = "Extra variables: key=value, a YAML/JSON mapping, or @FILE; repeatable.")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the run's events and recap as JSON.")
    Path json;

    @Option(names = "--accept-new-hosts",
        description = "Record the host keys of hosts not yet in known_hosts (trust on first use); "
            + "a changed key is still refused.")
    boolean acceptNewHosts;

    @Option(names = "-v", description = "More output (repeat for more: -vvv shows stack traces).")
    boolean[] verbose = new boolean[0];

    @Option(names = "--list-hosts", description = "List the hosts each play would run on; run nothing.")
    boolean listHosts;

    @Option(names = "--list-tasks", description = "List the tasks each play would run; run nothing.")
    boolean listTasks;

    @Option(names = "--list-tags", description = "List all available tags; run nothing.")
    boolean listTags;

    @Option(names = "--syntax-check", description = "Check the playbook's syntax; run nothing.")
    boolean syntaxCheck;

    /** Set by serve's re-applies (PlaybookReapply): the server's own signal handling stays in charge. */
    @Option(names = "--no-interrupt-guard", hidden = true)
    boolean noInterruptGuard;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (forks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forks must be at least 1");
        }
        boolean listOnly = listHosts || listTasks || listTags || syntaxCheck;
        // A run templates task arguments: jinjava's start-up then overlaps with reading the playbook and inventory.
        // Listings usually need only plain {{ name }} substitutions, which do not start it at all.
        Templar templar = listOnly ? Templar.shared() : Templar.shared().warmUpInBackground();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Playbook book = new PlaybookParser().parse(playbook);
        if (syntaxCheck) {
            TemplateCheck.check(book, templar);
            out.print("\nplaybook: " + playbook + "\n");
            out.flush();
            return ExitCodes.OK;
        }
        Map<String, Object> extra = ExtraVars.parse(extraVars);
        Inventory loaded = InventorySources.load(inventories, err);
        InventoryView inventory = InventoryViews.of(loaded);
        PlanOptions options = new PlanOptions(extra, limit, new TagSelection(tagSet(tags), tagSet(skipTags)), check);
        Plan plan = new Planner(templar).plan(inventory, book, options);
        for (String warning : plan.warnings()) {
            err.println("[WARNING]: " + warning);
        }
        if (limit != null && plan.allHosts().isEmpty()) {
            throw new UserFacingException(
                "Specified inventory, host pattern and/or --limit leaves us with no hosts to target.", ExitCodes.ERROR);
        }
        if (listHosts || listTasks || listTags) {
            out.print(PlaybookListing.render(playbook.toString(), plan, listHosts, listTasks, listTags));
            out.flush();
            return ExitCodes.OK;
        }
        // Nothing runs if a template anywhere in the playbook does not even parse, or if a RocketMQ playbook
        // meets an inventory that does not describe a valid cluster.
        TemplateCheck.check(book, templar);
        ClusterLayoutGate.check(book, loaded);
        return execute(plan, inventory, templar);
    }

    /** Running the plan on the hosts. */
    private int execute(Plan plan, InventoryView inventory, Templar templar) {
        PlaybookRun.Options options = new PlaybookRun.Options(forks, check, diff, verbosity(), json, acceptNewHosts);
        PlaybookRun run = new PlaybookRun(options, spec.commandLine().getOut(), spec.commandLine().getErr());
        return (noInterruptGuard ? run.unguarded() : run).execute(plan, inventory, templar);
    }

    private static Set<String> tagSet(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            String t = v.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    int verbosity() {
        return verbose.length;
    }
}

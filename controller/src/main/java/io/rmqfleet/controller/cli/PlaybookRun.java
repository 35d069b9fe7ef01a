package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.callback.ConsoleCallback;
import io.rmqfleet.controller.callback.JsonEventsCallback;
import io.rmqfleet.controller.callback.RunListener;
import io.rmqfleet.controller.connection.ImageShipper;
import io.rmqfleet.controller.connection.LocalDocker;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.executor.ConnectionVars;
import io.rmqfleet.controller.executor.ExecutorSettings;
import io.rmqfleet.controller.executor.IncludeLoader;
import io.rmqfleet.controller.executor.InterruptGuard;
import io.rmqfleet.controller.executor.PlaybookExecutor;
import io.rmqfleet.controller.module.docker.ShipperImageTransfer;
import io.rmqfleet.controller.executor.SshConnectionFactory;
import io.rmqfleet.controller.module.ModuleRegistry;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.InventoryView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code apply} once the plan is made: wires the executor to real hosts (SSH from the inventory's variables,
 * images shipped from the local engine), the console and the optional {@code --json} event file, and guards
 * the run against Ctrl-C. Returns ansible-playbook's exit code.
 */
final class PlaybookRun {
    /** What the command line decided about the run. */
    record Options(int forks, boolean check, boolean diff, int verbosity, Path json, boolean acceptNewHosts) {
    }

    private final Options options;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean guardInterrupts = true;

    PlaybookRun(Options options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * No Ctrl-C guard: for runs inside a long-lived process ({@code serve}'s re-applies), whose own shutdown must
     * not be turned into exit 99 by a run that happens to be going on.
     */
    PlaybookRun unguarded() {
        guardInterrupts = false;
        return this;
    }

    int execute(Plan plan, InventoryView inventory, Templar templar) {
        return execute(plan, inventory, templar, List.of());
    }

    /** Runs with {@code extra} listening too (e.g. drift's tally of tasks that would change). */
    int execute(Plan plan, InventoryView inventory, Templar templar, List<RunListener> extra) {
        TestbedCommand.quietLibraries();
        // sshj logs refused host keys as errors; the result line says it once, for people
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "off");
        Clock clock = Clock.systemUTC();
        ExecutorSettings settings = ExecutorSettings.defaults().withForks(options.forks())
            .withCheckMode(options.check()).withDiffMode(options.diff());

        ConnectionVars connectionVars = new ConnectionVars(
            host -> inventory.hasHost(host) ? inventory.hostVars(host) : Map.of(), templar);
        SshConnectionFactory connections = new SshConnectionFactory(connectionVars,
            LoginOptions.from(options.acceptNewHosts(), System.getenv()), Path.of(System.getProperty("user.home")));
        LocalDocker localDocker = new LocalDocker();
        ModuleRegistry modules = ModuleRegistry.standard(new ShipperImageTransfer(localDocker,
            new ImageShipper(localDocker, ImageShipper.defaultCacheDir(), clock)));

        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new ConsoleCallback(out, options.verbosity(), options.diff()));
        JsonEventsCallback json = openJson(clock);
        if (json != null) {
            listeners.add(json);
        }
        listeners.addAll(extra);
        PlaybookExecutor executor = new PlaybookExecutor(modules, connections,
            new IncludeLoader(new PlaybookParser(), plan.tags()), settings, listeners);
        try (InterruptGuard guard = guardInterrupts ? InterruptGuard.install(executor, err) : null) {
            return executor.run(plan);
        } finally {
            if (json != null) {
                json.close();
            }
            out.flush();
        }
    }

    private JsonEventsCallback openJson(Clock clock) {
        if (options.json() == null) {
            return null;
        }
        try {
            return new JsonEventsCallback(options.json(), UUID.randomUUID().toString(), clock);
        } catch (IOException e) {
            throw new UserFacingException("cannot write --json file " + options.json() + ": " + e.getMessage(),
                ExitCodes.ERROR, e);
        }
    }
}

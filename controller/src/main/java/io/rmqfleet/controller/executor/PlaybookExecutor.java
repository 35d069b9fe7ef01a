package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.Recap;
import io.rmqfleet.controller.callback.RunListener;
import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.controller.module.ModuleRegistry;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.plan.PlayPlan;
import io.rmqfleet.controller.playbook.vars.RuntimeVars;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs a {@link Plan} on real hosts and reports like ansible-playbook: plays in order, one connection per host
 * for the whole run, hosts in parallel up to {@code forks}, the PLAY RECAP at the end. Returns
 * ansible-playbook's exit code (0 ok, 2 a host failed, 3 a host was unreachable, 99 interrupted).
 */
public final class PlaybookExecutor {
    private final ModuleRegistry modules;
    private final ConnectionFactory connectionFactory;
    private final IncludeLoader includes;
    private final ExecutorSettings settings;
    private final Reporter reporter;
    private final RunState run = new RunState();
    private volatile HostConnections connections;
    private volatile ForkPool forks;

    public PlaybookExecutor(ModuleRegistry modules, ConnectionFactory connectionFactory, IncludeLoader includes,
                            ExecutorSettings settings, List<RunListener> listeners) {
        this.modules = modules;
        this.connectionFactory = connectionFactory;
        this.includes = includes;
        this.settings = settings;
        this.reporter = new Reporter(listeners);
    }

    public int run(Plan plan) {
        Instant start = settings.clock().instant();
        try (ForkPool pool = new ForkPool(settings.forks());
             HostConnections hostConnections = new HostConnections(connectionFactory)) {
            this.forks = pool;
            this.connections = hostConnections;
            RunServices services = new RunServices(modules, hostConnections, pool, reporter, includes, settings, run);
            RuntimeVars runtime = new RuntimeVars();
            PlayRunner plays = new PlayRunner(services, runtime);
            for (PlayPlan play : plan.plays()) {
                if (run.stopped()) {
                    break;
                }
                plays.run(play);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.interrupt();
        }
        if (run.interrupted()) {
            return ExitCodes.INTERRUPTED;
        }
        reporter.runFinished(Duration.between(start, settings.clock().instant()));
        return reporter.recap().exitCode();
    }

    /** Ctrl-C: no new task starts, connections close (ending running commands), the workers stop. */
    public void interrupt() {
        reporter.silence();
        run.interrupt();
        HostConnections open = connections;
        if (open != null) {
            open.close();
        }
        ForkPool pool = forks;
        if (pool != null) {
            pool.cancel();
        }
    }

    public Recap recap() {
        return reporter.recap();
    }

    /** How many SSH (or local) connections the last run opened: one per host reached. */
    public int connectionsOpened() {
        HostConnections open = connections;
        return open == null ? 0 : open.openedCount();
    }
}

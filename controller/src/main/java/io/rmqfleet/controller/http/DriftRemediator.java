package io.rmqfleet.controller.http;

import io.rmqfleet.controller.http.config.DriftFixPolicy;
import io.rmqfleet.controller.state.StateEvent;
import io.rmqfleet.controller.state.drift.DriftFinding;
import io.rmqfleet.controller.state.drift.DriftKind;
import io.rmqfleet.controller.state.drift.DriftReport;
import io.rmqfleet.controller.state.runs.RunEventsParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remediation ({@code drift.fix}): for each host with a fixable finding, re-applies the playbook limited to that
 * host on the {@code rmqfleet-remediation} worker pool, never on the event loop, one re-apply per host at a time
 * and not again before the cooldown. Each re-apply is recorded as a run (its events, like {@code POST /runs}) plus
 * {@code remediation_started} / {@code remediation_finished} events. State is touched only on the event loop.
 */
public final class DriftRemediator {
    public static final String POOL = "rmqfleet-remediation";
    private static final Logger LOG = LoggerFactory.getLogger(DriftRemediator.class);
    /** Findings a re-apply of the host's tasks repairs: the playbook (re)creates and starts its containers. */
    static final Set<DriftKind> FIXABLE = Set.of(DriftKind.MISSING, DriftKind.STOPPED, DriftKind.SPEC_HASH_DIFFERS);

    /** Re-applies the playbook to one host; blocking; called on a worker thread. */
    public interface Runner {
        Outcome reapply(String host) throws Exception;
    }

    /**
     * What a re-apply did.
     *
     * @param exitCode  ansible-playbook's exit code of the run
     * @param runEvents the run's JSON event lines (what {@code apply --json} writes), censored like it
     * @param recap     the host's recap line, for the log
     */
    public record Outcome(int exitCode, byte[] runEvents, String recap) {
    }

    private final FleetService fleet;
    private final DriftFixPolicy policy;
    private final Runner runner;
    private final WorkerExecutor workers;
    private final Set<String> running = new HashSet<>();
    private final Map<String, Instant> finishedAt = new HashMap<>();

    public DriftRemediator(Vertx vertx, FleetService fleet, DriftFixPolicy policy, Runner runner) {
        this.fleet = fleet;
        this.policy = policy;
        this.runner = runner;
        // Two at most: a re-apply is SSH and waiting mostly, but the controller shares its machine.
        this.workers = vertx.createSharedWorkerExecutor(POOL, 2, 30, java.util.concurrent.TimeUnit.MINUTES);
    }

    public boolean possible() {
        return runner != null && policy.possible();
    }

    public boolean scheduledFix() {
        return policy.fix() && possible();
    }

    /** Hosts currently being re-applied (call on the event loop). */
    public Set<String> running() {
        return Set.copyOf(running);
    }

    /** The hosts a report asks to re-apply, in order: those with at least one fixable finding. */
    static List<String> hostsToFix(DriftReport report) {
        Set<String> hosts = new LinkedHashSet<>();
        for (DriftFinding f : report.findings()) {
            if (FIXABLE.contains(f.kind())) {
                hosts.add(f.host());
            }
        }
        return new ArrayList<>(hosts);
    }

    /**
     * Starts a re-apply for every host of the report with a fixable finding that is neither being re-applied nor
     * in its cooldown; returns the hosts started. Call on the event loop.
     */
    public List<String> remediate(DriftReport report, String trigger) {
        if (!possible()) {
            return List.of();
        }
        Instant now = fleet.clock().instant();
        List<String> started = new ArrayList<>();
        for (String host : hostsToFix(report)) {
            Instant last = finishedAt.get(host);
            if (running.contains(host) || (last != null && now.isBefore(last.plus(policy.cooldown())))) {
                continue;
            }
            running.add(host);
            started.add(host);
            start(host, report, trigger, now);
        }
        return started;
    }

    private void start(String host, DriftReport report, String trigger, Instant now) {
        List<String> kinds = report.findings().stream().filter(f -> f.host().equals(host))
                .filter(f -> FIXABLE.contains(f.kind()))
                .map(f -> (f.container() == null ? "" : f.container() + " ") + f.kind().wire()).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trigger", trigger);
        data.put("findings", kinds);
        fleet.recordEvent(StateEvent.of(now, StateEvent.REMEDIATION_STARTED, host,
                "re-applying " + policy.playbook().getFileName() + " to " + host + " (" + String.join(", ", kinds) + ")",
                data));
        LOG.info("drift on {} ({}): re-applying {} --limit {}", host, String.join(", ", kinds), policy.playbook(), host);
        long began = System.nanoTime();
        workers.executeBlocking(() -> runner.reapply(host), false)
                .compose(outcome -> record(host, outcome).map(runId -> {
                    finished(host, outcome.exitCode(), runId, began, null);
                    LOG.info("re-apply of {} finished: exit {}; {}", host, outcome.exitCode(), outcome.recap());
                    return (Void) null;
                }))
                .onFailure(e -> {
                    finished(host, -1, null, began, e.getMessage());
                    LOG.error("re-apply of {} failed: {}", host, e.getMessage());
                });
    }

    /** Stores the run like {@code POST /api/v1/runs} does; parsing off the event loop. */
    private Future<String> record(String host, Outcome outcome) {
        if (outcome.runEvents() == null || outcome.runEvents().length == 0) {
            return Future.succeededFuture(null);
        }
        return fleet.db().call(() -> RunEventsParser.parse(outcome.runEvents(), fleet.clock().instant()))
                .compose(run -> fleet.recordRun(run).map(created -> run.id()));
    }

    private void finished(String host, int exitCode, String runId, long began, String error) {
        running.remove(host);
        Instant now = fleet.clock().instant();
        finishedAt.put(host, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exit_code", exitCode);
        data.put("run_id", runId);
        data.put("elapsed_ms", Duration.ofNanos(System.nanoTime() - began).toMillis());
        if (error != null) {
            data.put("error", error);
        }
        String summary = error != null ? "re-apply of " + host + " failed: " + error
                : "re-apply of " + host + (exitCode == 0 ? " succeeded" : " ended with exit " + exitCode);
        fleet.recordEvent(StateEvent.of(now, StateEvent.REMEDIATION_FINISHED, host, summary, data));
    }

    public Future<Void> close() {
        return workers.close();
    }
}

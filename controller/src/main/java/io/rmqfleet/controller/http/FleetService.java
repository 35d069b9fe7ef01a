package io.rmqfleet.controller.http;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.controller.state.FleetState;
import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.IngestOutcome;
import io.rmqfleet.controller.state.StateEvent;
import io.rmqfleet.controller.state.drift.DriftEngine;
import io.rmqfleet.controller.state.drift.DriftFinding;
import io.rmqfleet.controller.state.drift.DriftReport;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.liveness.LivenessTransition;
import io.rmqfleet.controller.state.runs.ExpectedSpec;
import io.rmqfleet.controller.state.runs.RunEventsParser;
import io.rmqfleet.controller.state.runs.RunRecord;
import io.rmqfleet.controller.state.store.DriftStore;
import io.rmqfleet.controller.state.store.EventStore;
import io.rmqfleet.controller.state.store.HostStore;
import io.rmqfleet.controller.state.store.Retention;
import io.rmqfleet.controller.state.store.RetentionLimits;
import io.rmqfleet.controller.state.store.RunStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the endpoints and timers do with the fleet: ingest, liveness ticks, drift checks, runs, persistence.
 * Everything in memory is touched only on the controller's event loop; the database only through
 * {@link DatabaseExecutor}.
 */
public final class FleetService {
    private static final Logger LOG = LoggerFactory.getLogger(FleetService.class);

    private final Clock clock;
    private final FleetState state;
    private final FleetLayout baseLayout;
    private final Stores stores;
    private final DatabaseExecutor db;
    private final ControllerMetrics metrics;
    private final RetentionLimits retention;
    private final Map<String, String> specHashes = new LinkedHashMap<>();
    private FleetLayout layout;
    private DriftStore.StoredCheck latestDrift;
    private DriftRemediator remediator;
    private Future<Void> persisting;
    /** Events wait here and go to the database with the next host batch: one transaction, not one per event. */
    private final List<StateEvent> pendingEvents = new ArrayList<>();
    /** A host whose state did not change is rewritten at most this often (FleetState#drainDirty). */
    static final Duration REWRITE_UNCHANGED_AFTER = Duration.ofSeconds(30);

    /** The JDBC stores, opened on one database. */
    public record Stores(HostStore hosts, EventStore events, RunStore runs, DriftStore drift, Retention retention) {
    }

    public FleetService(Clock clock, FleetState state, FleetLayout layout, Stores stores, DatabaseExecutor db,
                        ControllerMetrics metrics, RetentionLimits retention) {
        this.clock = clock;
        this.state = state;
        this.baseLayout = layout;
        this.layout = layout;
        this.stores = stores;
        this.db = db;
        this.metrics = metrics;
        this.retention = retention;
    }

    /** Loads what the database remembers: hosts, spec hashes, the latest drift check. */
    public Future<Void> restore(Collection<String> expectedHosts) {
        return db.call(() -> new Restored(stores.hosts().loadAll(), stores.runs().expectedSpecs(),
                        stores.drift().latest().orElse(null)))
                .map(r -> {
                    r.hosts().forEach(state::restore);
                    expectedHosts.forEach(state::expect);
                    r.specs().forEach(s -> specHashes.put(s.host() + "/" + s.container(), s.specHash()));
                    layout = baseLayout.withSpecHashes(specHashes);
                    latestDrift = r.drift();
                    if (latestDrift != null) {
                        metrics.driftChecked("restored", latestDrift.report().countByKind(), Duration.ZERO);
                    }
                    metrics.hostsByLiveness(state.liveness().countByState());
                    return null;
                });
    }

    private record Restored(List<HostRecord> hosts, List<ExpectedSpec> specs, DriftStore.StoredCheck drift) {
    }

    public Clock clock() {
        return clock;
    }

    public FleetState state() {
        return state;
    }

    public FleetLayout layout() {
        return layout;
    }

    public Stores stores() {
        return stores;
    }

    public DatabaseExecutor db() {
        return db;
    }

    public ControllerMetrics metrics() {
        return metrics;
    }

    public DriftStore.StoredCheck latestDrift() {
        return latestDrift;
    }

    /** A validated report for its host. */
    public IngestOutcome ingest(AgentReport report) {
        IngestOutcome outcome = state.ingest(report, clock.instant());
        metrics.reportIngested(!outcome.accepted());
        outcome.transition().ifPresent(t -> recordTransitions(List.of(t)));
        if (outcome.missed() > 0) {
            // the agent's buffer overflowed (or reports were dropped): the history has a hole this big
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("sequence", report.sequence());
            data.put("missing", outcome.missed());
            pendingEvents.add(StateEvent.of(clock.instant(), StateEvent.REPORTS_MISSING, report.host(),
                    outcome.missed() + " report(s) of " + report.host() + " never arrived before sequence "
                            + report.sequence(), data));
        }
        return outcome;
    }

    /** The periodic liveness evaluation. */
    public void tickLiveness() {
        List<LivenessTransition> transitions = state.evaluateLiveness(clock.instant());
        if (!transitions.isEmpty()) {
            recordTransitions(transitions);
        }
    }

    private void recordTransitions(List<LivenessTransition> transitions) {
        List<StateEvent> events = new ArrayList<>(transitions.size());
        for (LivenessTransition t : transitions) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", t.from().wire());
            data.put("to", t.to().wire());
            data.put("last_heard_at", t.lastHeardAt() == null ? null : t.lastHeardAt().toString());
            events.add(StateEvent.of(t.at(), StateEvent.LIVENESS, t.host(),
                    t.host() + " is " + t.to().wire() + " (was " + t.from().wire() + ")", data));
            if (t.to() != io.rmqfleet.controller.state.liveness.Liveness.ALIVE) {
                LOG.warn("host {} is {} (was {}), last report received at {}", t.host(), t.to().wire(),
                        t.from().wire(), t.lastHeardAt());
            }
        }
        metrics.livenessChanged(transitions.size());
        metrics.hostsByLiveness(state.liveness().countByState());
        pendingEvents.addAll(events);
    }

    /** Writes changed hosts to the database; at most one write at a time. */
    public Future<Void> persist() {
        if (persisting != null) {
            return persisting;
        }
        return write(state.drainDirty(clock.instant(), REWRITE_UNCHANGED_AFTER));
    }

    private Future<Void> write(Collection<HostRecord> dirty) {
        List<StateEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        if (dirty.isEmpty() && events.isEmpty()) {
            return Future.succeededFuture();
        }
        persisting = db.call(() -> {
            stores.hosts().upsert(dirty);
            stores.events().append(events);
            return (Void) null;
        }).onComplete(ar -> {
            persisting = null;
            if (ar.failed()) {
                LOG.error("cannot store {} hosts and {} events, will retry: {}", dirty.size(), events.size(),
                        ar.cause().getMessage());
                state.markDirty(dirty.stream().map(HostRecord::host).toList());
                pendingEvents.addAll(0, events);
            }
        });
        return persisting;
    }

    /**
     * Completes when every event recorded so far is in the database (readers of the history call this first,
     * so what they read is never behind what happened).
     */
    public Future<Void> eventsWritten() {
        Future<Void> inFlight = persisting == null ? Future.succeededFuture() : persisting;
        if (pendingEvents.isEmpty()) {
            return inFlight;
        }
        List<StateEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        Future<Void> written = db.call(() -> {
            stores.events().append(events);
            return (Void) null;
        }).onFailure(e -> pendingEvents.addAll(0, events));
        return Future.all(inFlight, written).mapEmpty();
    }

    /** Waits for a write in flight, then writes everything still pending, whatever its age (shutdown). */
    public Future<Void> flush() {
        Future<Void> inFlight = persisting == null ? Future.succeededFuture() : persisting;
        return inFlight.transform(ar -> write(state.drainDirty()));
    }

    /** Remediation for drift checks (set once at start; without it nothing is ever re-applied). */
    public void attachRemediator(DriftRemediator remediator) {
        this.remediator = remediator;
    }

    public DriftRemediator remediator() {
        return remediator;
    }

    /** A stored check and the hosts whose re-apply it started. */
    public record CheckAndFix(DriftStore.StoredCheck check, List<String> remediating) {
    }

    /**
     * A drift check, then re-applies for its fixable findings when {@code fix} asks for them (the API's
     * {@code {"fix": true}}) or the configured policy does (scheduled checks with {@code drift.fix: true}).
     */
    public Future<CheckAndFix> checkDrift(String trigger, boolean fix) {
        return checkDrift(trigger).map(check -> {
            boolean wanted = fix || (remediator != null && remediator.scheduledFix() && trigger.equals("schedule"));
            List<String> started = wanted && remediator != null ? remediator.remediate(check.report(), trigger)
                    : List.of();
            return new CheckAndFix(check, started);
        });
    }

    /** Runs a drift check now, records what appeared and what resolved, stores the result. */
    public Future<DriftStore.StoredCheck> checkDrift(String trigger) {
        long start = System.nanoTime();
        DriftReport report = DriftEngine.evaluate(layout, state::observe, clock.instant());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<StateEvent> changes = driftChanges(latestDrift == null ? List.of() : latestDrift.report().findings(),
                report);
        return db.call(() -> {
            long id = stores.drift().save(report, trigger);
            stores.events().append(changes);
            return new DriftStore.StoredCheck(id, trigger, report);
        }).onSuccess(stored -> {
            if (latestDrift == null || stored.id() > latestDrift.id()) {
                latestDrift = stored;
                metrics.driftChecked(trigger, report.countByKind(), took);
            }
        });
    }

    static List<StateEvent> driftChanges(List<DriftFinding> before, DriftReport now) {
        Set<String> old = before.stream().map(DriftFinding::key).collect(Collectors.toSet());
        Set<String> current = now.findings().stream().map(DriftFinding::key).collect(Collectors.toSet());
        List<StateEvent> events = new ArrayList<>();
        for (DriftFinding f : now.findings()) {
            if (!old.contains(f.key())) {
                events.add(StateEvent.of(now.checkedAt(), StateEvent.DRIFT_DETECTED, f.host(), f.detail(),
                        DriftStore.toMap(f)));
            }
        }
        for (DriftFinding f : before) {
            if (!current.contains(f.key())) {
                events.add(StateEvent.of(now.checkedAt(), StateEvent.DRIFT_RESOLVED, f.host(),
                        "resolved: " + f.detail(), DriftStore.toMap(f)));
            }
        }
        return events;
    }

    /** Stores a run from its event stream and learns the spec hashes it gave containers. */
    public Future<Boolean> recordRun(RunRecord run) {
        List<ExpectedSpec> specs = RunEventsParser.expectedSpecs(run);
        StateEvent event = StateEvent.of(run.receivedAt(), StateEvent.RUN_RECORDED, null,
                "run " + run.id() + " recorded: " + run.status(), Map.of("run_id", run.id(), "status", run.status()));
        return db.call(() -> {
            boolean created = stores.runs().save(run, specs);
            stores.events().append(List.of(event));
            return created;
        }).onSuccess(created -> {
            specs.forEach(s -> specHashes.put(s.host() + "/" + s.container(), s.specHash()));
            layout = baseLayout.withSpecHashes(specHashes);
            metrics.runRecorded(run.elapsedMs() == null ? null : Duration.ofMillis(run.elapsedMs()));
        });
    }

    public Future<Retention.Pruned> prune() {
        Instant now = clock.instant();
        return db.call(() -> stores.retention().prune(retention, now)).onSuccess(p -> {
            if (p.total() > 0) {
                LOG.info("retention: pruned {} events, {} runs, {} drift checks", p.events(), p.runs(),
                        p.driftChecks());
            }
        });
    }

    /** Keeps an event for the next database write (call on the event loop). */
    public void recordEvent(StateEvent event) {
        pendingEvents.add(event);
    }

    public void recordStart(Instant at) {
        pendingEvents.add(StateEvent.of(at, StateEvent.CONTROLLER_STARTED, null, "controller started",
                Map.of("hosts_known", state.liveness().size())));
    }
}

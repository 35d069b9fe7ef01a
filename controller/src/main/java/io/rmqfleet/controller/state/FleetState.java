package io.rmqfleet.controller.state;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.controller.state.drift.MachineObservation;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.liveness.Liveness;
import io.rmqfleet.controller.state.liveness.LivenessTracker;
import io.rmqfleet.controller.state.liveness.LivenessTransition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The live picture of the fleet in memory: every host's newest report and liveness. Reads are served from here;
 * the database gets the changed records in batches ({@link #drainDirty()}), so ingest costs no disk write per
 * report. Confined to one thread (the controller's event loop): no locks.
 */
public final class FleetState {
    private final LivenessTracker liveness;
    private final Map<String, AgentReport> latest = new TreeMap<>();
    private final Set<String> dirty = new LinkedHashSet<>();

    public FleetState(LivenessTracker liveness) {
        this.liveness = liveness;
    }

    public LivenessTracker liveness() {
        return liveness;
    }

    /** A host we expect (inventory, token file): listed as UNKNOWN until it reports. */
    public void expect(String host) {
        liveness.expect(host);
    }

    /** A host as it was stored before the restart. */
    public void restore(HostRecord record) {
        liveness.restore(record.host(), record.liveness(), record.lastHeardAt());
        if (record.latest() != null) {
            latest.put(record.host(), record.latest());
        }
    }

    /**
     * Takes a validated report received at {@code now}. A report is identified by (host, agent_started_at,
     * sequence); the agent delivers oldest first, so anything not newer than the newest stored one is a repeat
     * (a retry after a lost answer) and is acknowledged without being stored. Every report, repeat or not, is a
     * heartbeat.
     */
    public IngestOutcome ingest(AgentReport report, Instant now) {
        String host = report.host();
        Optional<LivenessTransition> transition = liveness.heartbeat(host, now);
        AgentReport previous = latest.get(host);
        boolean newer = previous == null || isNewer(report, previous);
        if (newer) {
            latest.put(host, report);
        }
        dirty.add(host);
        return new IngestOutcome(newer, transition);
    }

    static boolean isNewer(AgentReport candidate, AgentReport stored) {
        int byStart = candidate.agentStartedAt().compareTo(stored.agentStartedAt());
        if (byStart != 0) {
            return byStart > 0;
        }
        return candidate.sequence() > stored.sequence();
    }

    /** Demotes silent hosts; the transitions are to be recorded as events. */
    public List<LivenessTransition> evaluateLiveness(Instant now) {
        List<LivenessTransition> transitions = liveness.evaluate(now);
        transitions.forEach(t -> dirty.add(t.host()));
        return transitions;
    }

    public Optional<HostRecord> host(String name) {
        return liveness.get(name).map(l -> new HostRecord(name, l.state(), l.lastHeardAt(), latest.get(name)));
    }

    /** All hosts, sorted by name. */
    public List<HostRecord> hosts() {
        List<HostRecord> list = new ArrayList<>();
        for (LivenessTracker.HostLiveness l : liveness.all()) {
            list.add(new HostRecord(l.host(), l.state(), l.lastHeardAt(), latest.get(l.host())));
        }
        return list;
    }

    /** Marks hosts for the next database write again (after a failed write). */
    public void markDirty(Collection<String> hosts) {
        dirty.addAll(hosts);
    }

    /** The records changed since the last call, for the database. */
    public Collection<HostRecord> drainDirty() {
        Map<String, HostRecord> out = new LinkedHashMap<>();
        for (String h : dirty) {
            host(h).ifPresent(r -> out.put(h, r));
        }
        dirty.clear();
        return out.values();
    }

    /** For the drift engine: the newest report from any inventory host of the machine. */
    public MachineObservation observe(FleetLayout.Machine machine) {
        AgentReport newest = null;
        Liveness state = Liveness.UNKNOWN;
        for (String h : machine.hosts()) {
            AgentReport r = latest.get(h);
            if (r != null && (newest == null || r.observedAt().isAfter(newest.observedAt()))) {
                newest = r;
                state = liveness.get(h).map(LivenessTracker.HostLiveness::state).orElse(Liveness.UNKNOWN);
            }
        }
        return new MachineObservation(newest, state == Liveness.DOWN);
    }
}

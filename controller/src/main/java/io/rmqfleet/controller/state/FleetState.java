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
    private final Map<String, Written> written = new java.util.HashMap<>();
    /** {@link #signature} of each host's latest report, computed once per stored report. */
    private final Map<String, Integer> signatures = new java.util.HashMap<>();

    /** What the database has of a host: to skip rewriting a report that only repeats the same state. */
    private record Written(Instant at, Liveness liveness, int signature) {
    }

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
            signatures.put(record.host(), signature(record.latest()));
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
            signatures.put(host, signature(report));
        }
        dirty.add(host);
        return new IngestOutcome(newer, transition, newer ? missed(report, previous) : 0);
    }

    /** Sequence numbers skipped between the stored report and a newer one of the same agent run. */
    static long missed(AgentReport candidate, AgentReport stored) {
        if (stored == null || !candidate.agentStartedAt().equals(stored.agentStartedAt())) {
            return 0;
        }
        return Math.max(0, candidate.sequence() - stored.sequence() - 1);
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

    /** Marks hosts for the next database write again, unconditionally (after a failed write). */
    public void markDirty(Collection<String> hosts) {
        hosts.forEach(written::remove);
        dirty.addAll(hosts);
    }

    /**
     * The records to write now. A host whose liveness and containers/ports are unchanged since its last write is
     * written again only once that write is {@code maxAge} old (a new report every 5 s that says the same thing
     * is not worth a disk write each); until then it stays pending. {@code Duration.ZERO} writes everything
     * pending (shutdown).
     */
    public Collection<HostRecord> drainDirty(Instant now, java.time.Duration maxAge) {
        Map<String, HostRecord> out = new LinkedHashMap<>();
        for (java.util.Iterator<String> it = dirty.iterator(); it.hasNext(); ) {
            String h = it.next();
            LivenessTracker.HostLiveness l = liveness.get(h).orElse(null);
            if (l == null) {
                it.remove();
                continue;
            }
            Written w = written.get(h);
            int signature = signatures.getOrDefault(h, 0);
            boolean due = w == null || w.liveness() != l.state() || w.signature() != signature
                    || !now.isBefore(w.at().plus(maxAge));
            if (due) {
                HostRecord r = new HostRecord(h, l.state(), l.lastHeardAt(), latest.get(h));
                out.put(h, r);
                written.put(h, new Written(now, r.liveness(), signature));
                it.remove();
            }
        }
        return out.values();
    }

    /** Everything pending, whatever its age. */
    public Collection<HostRecord> drainDirty() {
        return drainDirty(Instant.MAX, java.time.Duration.ZERO);
    }

    /** The state the drift engine and dashboard care about; the sequence and timestamps are left out. */
    static int signature(AgentReport r) {
        if (r == null) {
            return 0;
        }
        int h = r.containers() == null ? -1 : 17;
        if (r.containers() != null) {
            for (var c : r.containers()) {
                h = 31 * h + java.util.Objects.hash(c.id(), c.state(), c.health(), c.specHash(), c.restartCount());
            }
        }
        for (var p : r.ports()) {
            h = 31 * h + (p.open() ? p.port() : -p.port());
        }
        return h;
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

package io.rmqfleet.controller.state.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The liveness state machine of every host: ALIVE on a heartbeat, SUSPECT after two missed intervals, DOWN after
 * the grace. Pure: the caller passes the time in (from an injected Clock) and records the transitions it gets
 * back. Not thread-safe; the controller uses it from one event-loop thread.
 */
public final class LivenessTracker {
    private final LivenessPolicy policy;
    private final Instant controllerStartedAt;
    private final Map<String, Entry> hosts = new TreeMap<>();
    /** Kept up to date on every change, so metrics never walk the fleet. */
    private final Map<Liveness, Integer> counts = new java.util.EnumMap<>(Liveness.class);

    private static final class Entry {
        Liveness state;
        Instant lastHeardAt;

        Entry(Liveness state, Instant lastHeardAt) {
            this.state = state;
            this.lastHeardAt = lastHeardAt;
        }
    }

    /** A host's current view. */
    public record HostLiveness(String host, Liveness state, Instant lastHeardAt) {
    }

    public LivenessTracker(LivenessPolicy policy, Instant controllerStartedAt) {
        this.policy = policy;
        this.controllerStartedAt = controllerStartedAt;
        for (Liveness l : Liveness.values()) {
            counts.put(l, 0);
        }
    }

    private void put(String host, Entry entry) {
        Entry old = hosts.put(host, entry);
        if (old != null) {
            counts.merge(old.state, -1, Integer::sum);
        }
        counts.merge(entry.state, 1, Integer::sum);
    }

    private void move(Entry e, Liveness to) {
        counts.merge(e.state, -1, Integer::sum);
        counts.merge(to, 1, Integer::sum);
        e.state = to;
    }

    public LivenessPolicy policy() {
        return policy;
    }

    /** A host we expect to hear from (inventory, token file) but never did: UNKNOWN, no transition. */
    public void expect(String host) {
        if (!hosts.containsKey(host)) {
            put(host, new Entry(Liveness.UNKNOWN, null));
        }
    }

    /** State loaded from the database at start; it stays as it was until the failover grace has passed. */
    public void restore(String host, Liveness state, Instant lastHeardAt) {
        put(host, new Entry(state, lastHeardAt));
    }

    /** A report arrived at {@code now}: the host is alive. Returns the transition if it was not alive before. */
    public Optional<LivenessTransition> heartbeat(String host, Instant now) {
        Entry e = hosts.get(host);
        if (e == null) {
            e = new Entry(Liveness.UNKNOWN, null);
            put(host, e);
        }
        Instant previousHeard = e.lastHeardAt;
        if (e.lastHeardAt == null || now.isAfter(e.lastHeardAt)) {
            e.lastHeardAt = now;
        }
        if (e.state == Liveness.ALIVE) {
            return Optional.empty();
        }
        Liveness from = e.state;
        move(e, Liveness.ALIVE);
        return Optional.of(new LivenessTransition(host, from, Liveness.ALIVE, now, previousHeard));
    }

    /**
     * Demotes silent hosts. Within the failover grace after the controller started nobody is demoted: a host's
     * silence may only mean the controller was not there to listen. Never-heard hosts stay UNKNOWN.
     */
    public List<LivenessTransition> evaluate(Instant now) {
        List<LivenessTransition> transitions = new ArrayList<>();
        if (inFailoverGrace(now)) {
            return transitions;
        }
        for (Map.Entry<String, Entry> item : hosts.entrySet()) {
            Entry e = item.getValue();
            if (e.lastHeardAt == null) {
                continue;
            }
            // The silence counts from the later of the last report and the controller's start, so a host heard
            // just before a restart gets the full intervals + grace once the failover grace is over.
            Instant since = e.lastHeardAt.isAfter(controllerStartedAt) ? e.lastHeardAt : controllerStartedAt;
            Liveness target = policy.classify(Duration.between(since, now));
            if (target.ordinal() > e.state.ordinal() && e.state != Liveness.UNKNOWN) {
                transitions.add(new LivenessTransition(item.getKey(), e.state, target, now, e.lastHeardAt));
                move(e, target);
            }
        }
        return transitions;
    }

    public boolean inFailoverGrace(Instant now) {
        return now.isBefore(controllerStartedAt.plus(policy.failoverGrace()));
    }

    public Optional<HostLiveness> get(String host) {
        Entry e = hosts.get(host);
        return e == null ? Optional.empty() : Optional.of(new HostLiveness(host, e.state, e.lastHeardAt));
    }

    /** All hosts, sorted by name. */
    public List<HostLiveness> all() {
        List<HostLiveness> list = new ArrayList<>(hosts.size());
        hosts.forEach((h, e) -> list.add(new HostLiveness(h, e.state, e.lastHeardAt)));
        return list;
    }

    /** Hosts per state (maintained incrementally: O(1)). */
    public Map<Liveness, Integer> countByState() {
        return new java.util.EnumMap<>(counts);
    }

    public int size() {
        return hosts.size();
    }
}

package io.rmqfleet.agent.deliver;

import io.rmqfleet.common.report.AgentReport;
import java.util.ArrayDeque;

/**
 * Reports waiting to be delivered, oldest first. Bounded: when full, adding drops the oldest report (the newest
 * state is worth more than the oldest) and counts the drop. Used from one thread (the agent's event loop).
 */
public final class ReportBuffer {
    private final int capacity;
    private final ArrayDeque<AgentReport> reports;
    private long dropped;

    public ReportBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.reports = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /** Appends a report; returns the report dropped to make room, or null. */
    public AgentReport add(AgentReport report) {
        AgentReport evicted = null;
        if (reports.size() == capacity) {
            evicted = reports.removeFirst();
            dropped++;
        }
        reports.addLast(report);
        return evicted;
    }

    /** The oldest report, or null when empty. */
    public AgentReport oldest() {
        return reports.peekFirst();
    }

    /**
     * Removes {@code report} if it is still the oldest. It may be gone already: while it was in flight, a full
     * buffer may have dropped it to make room.
     */
    public boolean removeIfOldest(AgentReport report) {
        if (reports.peekFirst() == report) {
            reports.removeFirst();
            return true;
        }
        return false;
    }

    public int size() {
        return reports.size();
    }

    public boolean isEmpty() {
        return reports.isEmpty();
    }

    public int capacity() {
        return capacity;
    }

    /** Reports dropped because the buffer was full, since the agent started. */
    public long dropped() {
        return dropped;
    }
}

package io.rmqfleet.controller.executor;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What outlives a play: hosts that became unreachable or failed leave the rest of the run (as in Ansible), and
 * a play can stop the whole playbook (every host of a batch failed, max_fail_percentage, any_errors_fatal,
 * Ctrl-C).
 */
public final class RunState {
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile boolean interrupted;

    public void markUnreachable(String host) {
        unreachable.add(host);
    }

    public void markFailed(String host) {
        failed.add(host);
    }

    public boolean isUnreachable(String host) {
        return unreachable.contains(host);
    }

    /** Neither failed nor unreachable so far: the host may still run tasks. */
    public boolean isActive(String host) {
        return !unreachable.contains(host) && !failed.contains(host);
    }

    public List<String> active(List<String> hosts) {
        return hosts.stream().filter(this::isActive).toList();
    }

    /** No further play or task starts. */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped || interrupted;
    }

    public void interrupt() {
        interrupted = true;
    }

    public boolean interrupted() {
        return interrupted;
    }
}

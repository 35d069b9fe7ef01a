package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.Recap;
import io.rmqfleet.controller.callback.RunListener;
import io.rmqfleet.controller.callback.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one door to the listeners: hosts finish in any order on many threads, and every event passes here one at
 * a time, so lines never interleave. It also keeps the {@link Recap}, counting exactly what Ansible counts.
 */
public final class Reporter {
    private final List<RunListener> listeners;
    private final Recap recap = new Recap();
    private volatile boolean silenced;

    public Reporter(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public Recap recap() {
        return recap;
    }

    /**
     * Ctrl-C: whatever the hosts still report (their connections were just closed under them) is not news; like
     * ansible-playbook, say nothing more.
     */
    public void silence() {
        silenced = true;
    }

    private void each(java.util.function.Consumer<RunListener> event) {
        if (!silenced) {
            listeners.forEach(event);
        }
    }

    public synchronized void playStarted(String name) {
        each(l -> l.playStarted(name));
    }

    public synchronized void noHostsMatched() {
        each(RunListener::noHostsMatched);
    }

    public synchronized void taskStarted(String name, boolean handler) {
        each(l -> l.taskStarted(name, handler));
    }

    /** A counted result: a task (or a whole loop) finished on a host. */
    public synchronized void result(HostTaskResult result) {
        recap.add(result);
        each(l -> l.hostResult(result));
    }

    /** One loop item: shown, not counted (the loop's {@link #result} is counted). */
    public synchronized void item(HostTaskResult result) {
        each(l -> l.itemResult(result));
    }

    public synchronized void retrying(HostTaskResult attempt, int retriesLeft) {
        each(l -> l.retrying(attempt, retriesLeft));
    }

    /** {@code included: FILE for h1, h2}: each host counts one ok, as in Ansible. */
    public synchronized void included(String file, List<String> hosts, String itemLabel, String taskName) {
        each(l -> l.included(file, hosts, itemLabel));
        for (String host : hosts) {
            recap.add(HostTaskResult.of(host, taskName, TaskStatus.OK, Map.of("changed", false)));
        }
    }

    public synchronized void playAborted(String reason) {
        each(l -> l.playAborted(reason));
    }

    public synchronized void runFinished(Duration elapsed) {
        each(l -> l.runFinished(recap, elapsed));
    }
}

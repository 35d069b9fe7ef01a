package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.RunListener;
import io.rmqfleet.controller.callback.TaskStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Listens to a check-mode run and remembers which tasks would change on which host: that is the drift. A loop
 * counts once (its {@link #hostResult} result), like the recap counts it.
 */
final class DriftTally implements RunListener {
    private final Map<String, List<String>> wouldChange = new TreeMap<>();
    private final java.util.Set<String> hostsSeen = new java.util.TreeSet<>();

    @Override
    public synchronized void hostResult(HostTaskResult result) {
        hostsSeen.add(result.host());
        if (result.status() == TaskStatus.CHANGED) {
            wouldChange.computeIfAbsent(result.host(), h -> new ArrayList<>()).add(result.task());
        }
    }

    /** Host → names of the tasks that would change it, in run order; hosts without drift are absent. */
    synchronized Map<String, List<String>> drifted() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        wouldChange.forEach((h, tasks) -> copy.put(h, List.copyOf(tasks)));
        return Collections.unmodifiableMap(copy);
    }

    synchronized int hostsChecked() {
        return hostsSeen.size();
    }

    synchronized int tasksWouldChange() {
        return wouldChange.values().stream().mapToInt(List::size).sum();
    }

    /** The summary printed after the recap: one line, then one line per drifted host naming its tasks. */
    synchronized String summary() {
        int hosts = wouldChange.size();
        StringBuilder s = new StringBuilder();
        if (hosts == 0) {
            s.append("DRIFT: none (").append(hostsChecked()).append(hostsChecked() == 1 ? " host" : " hosts")
                .append(" checked, no task would change)\n");
            return s.toString();
        }
        int tasks = tasksWouldChange();
        s.append("DRIFT: ").append(hosts).append(" of ").append(hostsChecked())
            .append(hostsChecked() == 1 ? " host" : " hosts").append(" drifted, ")
            .append(tasks).append(tasks == 1 ? " task would change" : " tasks would change").append('\n');
        wouldChange.forEach((host, names) -> s.append("  ").append(host).append(": ")
            .append(String.join("; ", names)).append('\n'));
        return s.toString();
    }
}

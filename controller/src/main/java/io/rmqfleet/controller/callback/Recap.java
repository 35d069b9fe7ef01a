package io.rmqfleet.controller.callback;

import io.rmqfleet.controller.cli.ExitCodes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The PLAY RECAP: counters per host, in Ansible's line format, and the run's exit code. */
public final class Recap {
    private final Map<String, HostStats> stats = new TreeMap<>();

    public synchronized void add(HostTaskResult result) {
        stats.merge(result.host(), HostStats.ZERO.add(result), Recap::sum);
    }

    /** Makes sure a host appears in the recap even when no task ran on it. */
    public synchronized void touch(String host) {
        stats.putIfAbsent(host, HostStats.ZERO);
    }

    public synchronized Map<String, HostStats> byHost() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    public synchronized HostStats of(String host) {
        return stats.getOrDefault(host, HostStats.ZERO);
    }

    /** ansible-playbook's exit codes: 3 when a host was unreachable (it wins), 2 when a host failed, else 0. */
    public synchronized int exitCode() {
        boolean unreachable = stats.values().stream().anyMatch(s -> s.unreachable() > 0);
        boolean failed = stats.values().stream().anyMatch(s -> s.failed() > 0);
        if (unreachable) {
            return ExitCodes.HOST_UNREACHABLE;
        }
        return failed ? ExitCodes.HOST_FAILED : ExitCodes.OK;
    }

    public synchronized int totalChanged() {
        return stats.values().stream().mapToInt(HostStats::changed).sum();
    }

    /**
     * One recap line exactly as Ansible's default callback prints it without colour:
     * the host left-aligned in 26 columns, then {@code name=N} pairs each padded to 4 digits.
     */
    public static String line(String host, HostStats s) {
        return String.format("%-26s : %s %s %s %s %s %s %s", host,
                pair("ok", s.ok()), pair("changed", s.changed()), pair("unreachable", s.unreachable()),
                pair("failed", s.failed()), pair("skipped", s.skipped()), pair("rescued", s.rescued()),
                pair("ignored", s.ignored()));
    }

    private static String pair(String name, int value) {
        return String.format("%s=%-4d", name, value);
    }

    private static HostStats sum(HostStats a, HostStats b) {
        return new HostStats(a.ok() + b.ok(), a.changed() + b.changed(), a.unreachable() + b.unreachable(),
                a.failed() + b.failed(), a.skipped() + b.skipped(), a.rescued() + b.rescued(),
                a.ignored() + b.ignored());
    }
}

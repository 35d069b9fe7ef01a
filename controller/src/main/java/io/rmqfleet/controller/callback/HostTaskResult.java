package io.rmqfleet.controller.callback;

import java.time.Duration;
import java.util.Map;

/**
 * One result line: a task (or one loop item of it) finished on a host.
 *
 * @param data       what {@code register} would capture (Ansible-shaped keys such as changed, rc, stdout, msg)
 * @param itemLabel  the loop item as shown in {@code (item=...)}, or null outside loops
 * @param diff       a unified diff when the task changed something and diff mode is on, else null
 * @param ignored    a failure that {@code ignore_errors} turned into "...ignoring"
 * @param rescued    a failure handled by a block's {@code rescue}
 * @param noLog      hide everything the task returned ({@code no_log: true})
 */
public record HostTaskResult(
        String host,
        String task,
        TaskStatus status,
        Map<String, Object> data,
        String itemLabel,
        String diff,
        boolean ignored,
        boolean rescued,
        boolean noLog,
        Duration duration) {

    public HostTaskResult {
        data = data == null ? Map.of() : data;
        duration = duration == null ? Duration.ZERO : duration;
    }

    public static HostTaskResult of(String host, String task, TaskStatus status, Map<String, Object> data) {
        return new HostTaskResult(host, task, status, data, null, null, false, false, false, Duration.ZERO);
    }

    public HostTaskResult withItem(String label) {
        return new HostTaskResult(host, task, status, data, label, diff, ignored, rescued, noLog, duration);
    }

    public HostTaskResult withDiff(String unifiedDiff) {
        return new HostTaskResult(host, task, status, data, itemLabel, unifiedDiff, ignored, rescued, noLog, duration);
    }

    public HostTaskResult ignoringErrors() {
        return new HostTaskResult(host, task, status, data, itemLabel, diff, true, rescued, noLog, duration);
    }

    public HostTaskResult rescuedByBlock() {
        return new HostTaskResult(host, task, status, data, itemLabel, diff, ignored, true, noLog, duration);
    }

    public HostTaskResult hidden(boolean hide) {
        return new HostTaskResult(host, task, status, data, itemLabel, diff, ignored, rescued, hide, duration);
    }

    public HostTaskResult took(Duration took) {
        return new HostTaskResult(host, task, status, data, itemLabel, diff, ignored, rescued, noLog, took);
    }
}

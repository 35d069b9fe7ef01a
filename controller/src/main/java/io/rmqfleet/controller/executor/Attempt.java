package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a task's module on one host (one loop item, one retry): its status, the data {@code register:}
 * captures, the rendered diff for {@code --diff}, the facts it returned and the host it was delegated to.
 */
record Attempt(TaskStatus status, Map<String, Object> data, String diff, Map<String, Object> facts,
               String delegatedTo) {

    static Attempt failed(String msg) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("failed", true);
        data.put("msg", msg);
        return new Attempt(TaskStatus.FAILED, data, null, Map.of(), null);
    }

    static Attempt skipped(String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("skip_reason", reason);
        data.put("skipped", true);
        return new Attempt(TaskStatus.SKIPPED, data, null, Map.of(), null);
    }

    Attempt withStatus(TaskStatus newStatus) {
        return new Attempt(newStatus, data, diff, facts, delegatedTo);
    }

    /** Status from the data's {@code failed} and {@code changed} flags (after changed_when / failed_when). */
    static TaskStatus statusOf(Map<String, Object> data) {
        if (Boolean.TRUE.equals(data.get("failed"))) {
            return TaskStatus.FAILED;
        }
        if (Boolean.TRUE.equals(data.get("skipped"))) {
            return TaskStatus.SKIPPED;
        }
        return Boolean.TRUE.equals(data.get("changed")) ? TaskStatus.CHANGED : TaskStatus.OK;
    }
}

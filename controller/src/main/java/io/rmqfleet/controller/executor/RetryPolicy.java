package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.time.Duration;

/**
 * {@code until:}/{@code retries:}/{@code delay:} as ansible-core 2.14 applies them: without {@code until} a task
 * runs once; with it, up to 1 + retries times (retries defaults to 3), {@code delay} seconds apart (default 5).
 */
record RetryPolicy(int attempts, Duration delay) {

    static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ZERO);

    static RetryPolicy of(Task task, Templar templar, Vars vars) {
        if (task.until().isEmpty()) {
            return ONCE;
        }
        int retries = task.retries() == null ? 3 : Math.max(0, number(task.retries(), templar, vars, "retries"));
        int delay = task.delay() == null ? 5 : number(task.delay(), templar, vars, "delay");
        return new RetryPolicy(1 + retries, Duration.ofSeconds(delay < 0 ? 1 : delay));
    }

    boolean retries() {
        return attempts > 1;
    }

    private static int number(Object raw, Templar templar, Vars vars, String what) {
        Object value = templar.template(raw, vars);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(PyStr.str(value).strip());
        } catch (NumberFormatException e) {
            throw new TemplateError(what + " must be a whole number, got '" + PyStr.str(value) + "'", null);
        }
    }
}

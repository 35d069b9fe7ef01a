package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.ConsoleCallback;
import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.TaskStatus;
import io.rmqfleet.controller.connection.UnreachableException;
import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one task on one host from start to end: {@code when}, the loop items, retries until {@code until}
 * holds, then {@code register}, facts, {@code notify}, {@code ignore_errors} and the result line. Never throws
 * for a host problem: unreachable and failed hosts become results, so the other hosts go on.
 */
final class HostTaskRunner {
    private final PlayContext ctx;
    private final ModuleCall call;

    HostTaskRunner(PlayContext ctx) {
        this.ctx = ctx;
        this.call = new ModuleCall(ctx);
    }

    /**
     * @param rescuable a failure here is handled by an enclosing block's {@code rescue:}
     * @param shareWith other hosts that get this result too ({@code run_once}): registered value, facts, notify
     */
    HostOutcome run(Task task, String host, boolean rescuable, List<String> shareWith) {
        Instant start = ctx.services.settings().clock().instant();
        try {
            Vars vars = ctx.vars.forTask(host, task);
            Finish finish = new Finish(task, host, rescuable, shareWith, start);
            return task.loop() == null ? single(task, host, vars, finish) : loop(task, host, vars, finish);
        } catch (UnreachableException e) {
            return unreachable(task, host, e.getMessage(), start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unreachable(task, host, host + ": interrupted", start);
        } catch (RuntimeException e) {
            // An unexpected error must not take the other hosts down: this host fails, with the reason.
            Attempt failed = Attempt.failed("rmqfleet internal error on " + host + ": " + e);
            return new Finish(task, host, rescuable, shareWith, start).apply(failed, false);
        }
    }

    private HostOutcome single(Task task, String host, Vars vars, Finish finish) throws InterruptedException {
        Attempt skip = when(task, vars);
        if (skip != null) {
            return finish.apply(skip, false);
        }
        return finish.apply(attempts(task, host, vars, null), false);
    }

    private HostOutcome loop(Task task, String host, Vars vars, Finish finish) throws InterruptedException {
        Loop loop = task.loop();
        List<Object> items;
        try {
            items = LoopItems.of(loop, ctx.templar, vars);
        } catch (TemplateError e) {
            return finish.apply(Attempt.failed(Messages.undefinedOption(task, e)), false);
        }
        List<Object> results = new ArrayList<>();
        boolean changed = false;
        boolean failed = false;
        boolean allSkipped = true;
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            // fresh each item: a set_fact of the previous item is visible to the next one, as in Ansible
            Vars current = index == 0 ? vars : ctx.vars.forTask(host, task);
            Vars itemVars = VarsResolver.withLoopItem(current, loop, item, index);
            Instant itemStart = ctx.services.settings().clock().instant();
            Attempt attempt = when(task, itemVars);
            if (attempt == null) {
                attempt = attempts(task, host, itemVars, LoopItems.label(loop, item, ctx.templar, itemVars));
            }
            Map<String, Object> data = attempt.data();
            data.put(loop.loopVar(), item);
            data.put("ansible_loop_var", loop.loopVar());
            if (loop.indexVar() != null) {
                data.put(loop.indexVar(), index);
                data.put("ansible_index_var", loop.indexVar());
            }
            if (attempt.status() == TaskStatus.OK || attempt.status() == TaskStatus.CHANGED) {
                finish.applyFacts(attempt);
            }
            results.add(data);
            changed |= Boolean.TRUE.equals(data.get("changed"));
            failed |= attempt.status() == TaskStatus.FAILED;
            allSkipped &= attempt.status() == TaskStatus.SKIPPED;
            ctx.services.reporter().item(new HostTaskResult(host, task.displayName(), attempt.status(),
                ModuleCall.displayData(task, data, attempt.delegatedTo()),
                LoopItems.label(loop, item, ctx.templar, itemVars), attempt.diff(), false, false, task.noLog(),
                elapsed(itemStart)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("changed", changed);
        if (failed) {
            summary.put("failed", true);
        }
        summary.put("msg", failed ? "One or more items failed"
            : allSkipped ? (items.isEmpty() ? "No items in the list" : "All items skipped") : "All items completed");
        summary.put("results", results);
        if (allSkipped) {
            summary.put("skipped", true);
        }
        return finish.apply(new Attempt(Attempt.statusOf(summary), summary, null, Map.of(), null), true);
    }

    /** A skipped attempt when the task's {@code when:} does not hold, a failed one when it cannot be evaluated. */
    private Attempt when(Task task, Vars vars) {
        for (String condition : task.when()) {
            try {
                if (!ctx.templar.condition(condition, vars)) {
                    Attempt skipped = Attempt.skipped("Conditional result was False");
                    skipped.data().put("false_condition", condition);
                    return skipped;
                }
            } catch (TemplateError e) {
                return Attempt.failed(Messages.conditional(condition, e, task));
            }
        }
        return null;
    }

    /** Runs the module until {@code until:} holds or the retries are used up. */
    private Attempt attempts(Task task, String host, Vars vars, String itemLabel) throws InterruptedException {
        RetryPolicy policy;
        try {
            policy = RetryPolicy.of(task, ctx.templar, vars);
        } catch (TemplateError e) {
            return Attempt.failed(Messages.undefinedOption(task, e));
        }
        Attempt attempt = null;
        for (int n = 1; n <= policy.attempts(); n++) {
            attempt = call.run(task, host, vars);
            if (!policy.retries()) {
                return attempt;
            }
            attempt.data().put("attempts", n);
            Vars withResult = task.register() == null ? vars : vars.with(Map.of(task.register(), attempt.data()));
            try {
                if (ctx.templar.allConditions(task.until(), withResult)) {
                    return attempt;
                }
            } catch (TemplateError e) {
                return Attempt.failed(Messages.conditional(String.join(" and ", task.until()), e, task));
            }
            if (n < policy.attempts()) {
                HostTaskResult retry = new HostTaskResult(host, task.displayName(), attempt.status(),
                    attempt.data(), itemLabel, null, false, false, task.noLog(), Duration.ZERO);
                ctx.services.reporter().retrying(retry, policy.attempts() - n);
                ctx.services.settings().sleeper().sleep(policy.delay());
            }
        }
        // Out of attempts: ansible-core 2.14 reports one attempt less than it made.
        attempt.data().put("attempts", policy.attempts() - 1);
        attempt.data().put("failed", true);
        return attempt.withStatus(TaskStatus.FAILED);
    }

    private HostOutcome unreachable(Task task, String host, String message, Instant start) {
        ctx.services.run().markUnreachable(host);
        ctx.services.connections().reset(host);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        data.put("msg", message);
        data.put("unreachable", true);
        ctx.services.reporter().result(new HostTaskResult(host, task.displayName(), TaskStatus.UNREACHABLE, data,
            null, null, false, false, false, elapsed(start)));
        return new HostOutcome(host, TaskStatus.UNREACHABLE, false, false);
    }

    private Duration elapsed(Instant start) {
        return Duration.between(start, ctx.services.settings().clock().instant());
    }

    /** What happens with a task's final result: register, facts, notify, ignore/rescue, the counted line. */
    private final class Finish {
        private final Task task;
        private final String host;
        private final boolean rescuable;
        private final List<String> targets;
        private final Instant start;

        Finish(Task task, String host, boolean rescuable, List<String> shareWith, Instant start) {
            this.task = task;
            this.host = host;
            this.rescuable = rescuable;
            this.targets = new ArrayList<>();
            this.targets.add(host);
            this.targets.addAll(shareWith);
            this.start = start;
        }

        HostOutcome apply(Attempt attempt, boolean loopSummary) {
            TaskStatus status = attempt.status();
            Map<String, Object> data = attempt.data();
            if (!loopSummary && (status == TaskStatus.OK || status == TaskStatus.CHANGED)) {
                applyFacts(attempt);
            }
            if (task.register() != null) {
                for (String target : targets) {
                    ctx.runtime.setHostVar(target, task.register(), data);
                }
            }
            if (status == TaskStatus.CHANGED) {
                String unknown = notifyHandlers(attempt);
                if (unknown != null) {
                    data.put("failed", true);
                    data.put("msg", Messages.unknownHandler(unknown));
                    status = TaskStatus.FAILED;
                }
            }
            boolean ignored = status == TaskStatus.FAILED && task.ignoreErrors();
            boolean rescued = status == TaskStatus.FAILED && !ignored && rescuable;
            if (rescued) {
                ctx.runtime.setHostVar(host, "ansible_failed_result", data);
                ctx.runtime.setHostVar(host, "ansible_failed_task", Map.of("name", task.displayName(),
                    "action", task.action()));
            }
            Map<String, Object> shown = ModuleCall.displayData(task, data, attempt.delegatedTo());
            if (loopSummary) {
                shown = new LinkedHashMap<>(shown);
                shown.put(ConsoleCallback.LOOP, true);
            }
            ctx.services.reporter().result(new HostTaskResult(host, task.displayName(), status, shown, null,
                attempt.diff(), ignored, rescued, task.noLog(), elapsed(start)));
            return new HostOutcome(host, status, ignored, rescued);
        }

        /** set_fact values become host variables; other modules' facts (setup) become ansible_facts. */
        void applyFacts(Attempt attempt) {
            if (attempt.facts().isEmpty()) {
                return;
            }
            boolean setFact = task.action().endsWith("set_fact");
            for (String target : targets) {
                if (setFact) {
                    attempt.facts().forEach((k, v) -> ctx.runtime.setHostVar(target, k, v));
                } else {
                    ctx.runtime.addFacts(target, attempt.facts());
                }
            }
        }

        /** Records the notifications; returns a name no handler answers to, if any. */
        private String notifyHandlers(Attempt attempt) {
            Vars vars = ctx.vars.forTask(host, task);
            for (String raw : task.notifications()) {
                String name = PyStr.str(ctx.templar.template(raw, vars));
                for (String target : targets) {
                    if (!ctx.handlers.notify(target, name)) {
                        return name;
                    }
                }
            }
            return null;
        }
    }
}

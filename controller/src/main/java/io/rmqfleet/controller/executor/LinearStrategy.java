package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.TaskStatus;
import io.rmqfleet.controller.playbook.model.ArgsKeys;
import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's linear strategy for one play batch: every host finishes a task before any host starts the next one;
 * hosts that fail leave the task list, blocks send their failed hosts through {@code rescue:} and everybody
 * through {@code always:}; handlers run at flush points. After each task the play is stopped when
 * {@code any_errors_fatal} or {@code max_fail_percentage} say so.
 */
final class LinearStrategy {
    private final PlayContext ctx;
    private final HostTaskRunner runner;
    private final IncludeRunner includes;

    LinearStrategy(PlayContext ctx) {
        this.ctx = ctx;
        this.runner = new HostTaskRunner(ctx);
        this.includes = new IncludeRunner(ctx, this);
    }

    /**
     * Runs {@code nodes} in order on {@code hosts}; returns the hosts that failed in them (rescued ones
     * excluded). A host that fails skips the rest of the list.
     */
    Set<String> runNodes(List<TaskNode> nodes, List<String> hosts, boolean rescuable) throws InterruptedException {
        Set<String> failed = new LinkedHashSet<>();
        for (TaskNode node : nodes) {
            if (ctx.stopped()) {
                break;
            }
            List<String> targets = ctx.available(hosts).stream().filter(h -> !failed.contains(h)).toList();
            if (targets.isEmpty()) {
                break;
            }
            failed.addAll(node instanceof Block block ? runBlock(block, targets, rescuable)
                : runTask((Task) node, targets, rescuable));
            ctx.refreshPlayHosts();
        }
        return failed;
    }

    private Set<String> runBlock(Block block, List<String> hosts, boolean rescuable) throws InterruptedException {
        boolean hasRescue = !block.rescue().isEmpty();
        Set<String> failedInBlock = runNodes(block.block(), hosts, rescuable || hasRescue);
        Set<String> failed = new LinkedHashSet<>();
        List<String> toRescue = ctx.available(new ArrayList<>(failedInBlock));
        if (hasRescue && !toRescue.isEmpty() && !ctx.stopped()) {
            failed.addAll(runNodes(block.rescue(), toRescue, rescuable));
        } else {
            failed.addAll(failedInBlock);
        }
        if (!block.always().isEmpty() && !ctx.stopped()) {
            failed.addAll(runNodes(block.always(), hosts, rescuable));
        }
        return failed;
    }

    /** One task on all {@code hosts}; returns the hosts that failed it (rescued failures included). */
    Set<String> runTask(Task task, List<String> hosts, boolean rescuable) throws InterruptedException {
        if (task.isMeta()) {
            return runMeta(task, hosts);
        }
        if (task.isInclude()) {
            return includes.run(task, hosts, rescuable);
        }
        ctx.services.reporter().taskStarted(task.displayName(), task.handler());
        List<String> targets = task.runOnce() ? hosts.subList(0, 1) : hosts;
        List<String> others = task.runOnce() ? hosts.subList(1, hosts.size()) : List.of();
        List<HostOutcome> outcomes = ctx.services.forks().map(targets,
            host -> runner.run(task, host, rescuable, others));

        Set<String> failed = new LinkedHashSet<>();
        for (HostOutcome outcome : outcomes) {
            if (outcome.failed()) {
                // run_once shares its result: when it fails, every host of the batch fails (counted once)
                List<String> failing = task.runOnce() ? hosts : List.of(outcome.host());
                failed.addAll(failing);
                if (!outcome.rescued()) {
                    failing.forEach(ctx::markFailed);
                }
            }
        }
        checkFailureLimits(outcomes);
        return failed;
    }

    /** any_errors_fatal and max_fail_percentage, checked after every task as Ansible's linear strategy does. */
    private void checkFailureLimits(List<HostOutcome> outcomes) {
        boolean unrescuedFailure = outcomes.stream().anyMatch(o -> o.failed() && !o.rescued());
        if (ctx.play.play().anyErrorsFatal() && unrescuedFailure) {
            ctx.batch.forEach(h -> ctx.services.run().markFailed(h));
            ctx.abort();
            ctx.services.run().stop();
            ctx.services.reporter().playAborted("any_errors_fatal: a host failed, stopping the play for all hosts");
            return;
        }
        Double limit = ctx.play.play().maxFailPercentage();
        if (limit != null && !outcomes.isEmpty()) {
            long failedInBatch = ctx.batch.stream().filter(h -> ctx.failed().contains(h)).count();
            if ((double) failedInBatch / ctx.batch.size() > limit / 100.0) {
                ctx.batch.forEach(h -> ctx.services.run().markFailed(h));
                ctx.abort();
                ctx.services.run().stop();
                // Ansible prints the banner twice here: once from the check, once when the batch ends
                ctx.services.reporter().playAborted(String.format(
                    "max_fail_percentage %s%% exceeded: %d of %d hosts in the batch failed",
                    formatPercent(limit), failedInBatch, ctx.batch.size()));
                ctx.services.reporter().playAborted(null);
            }
        }
    }

    private static String formatPercent(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private Set<String> runMeta(Task task, List<String> hosts) throws InterruptedException {
        String action = String.valueOf(task.args().get(ArgsKeys.RAW_PARAMS)).strip();
        if (!isImplicit(task)) {
            // ansible-playbook 2.14 prints the meta banner once per host of the batch
            for (int i = 0; i < hosts.size(); i++) {
                ctx.services.reporter().taskStarted(task.displayName(), task.handler());
            }
        }
        switch (action) {
            case "flush_handlers":
                return flushHandlers(hosts);
            case "noop":
                return Set.of();
            case "end_play":
                if (anyHostWhen(task, hosts)) {
                    hosts.forEach(ctx::end);
                }
                return Set.of();
            case "end_host":
                hostsWhen(task, hosts).forEach(ctx::end);
                return Set.of();
            case "reset_connection":
                hostsWhen(task, hosts).forEach(h -> ctx.services.connections().reset(h));
                return Set.of();
            default:
                Set<String> failed = new LinkedHashSet<>();
                for (String host : hosts) {
                    ctx.services.reporter().result(HostTaskResult.of(host, task.displayName(), TaskStatus.FAILED,
                        Map.of("changed", false, "msg", "meta action '" + action + "' is not supported by rmqfleet"
                            + Messages.where(task))));
                    ctx.markFailed(host);
                    failed.add(host);
                }
                return failed;
        }
    }

    /** The planner's own flush points between play sections print nothing, like Ansible's. */
    private static boolean isImplicit(Task task) {
        return task.implicit();
    }

    private boolean anyHostWhen(Task task, List<String> hosts) {
        return !hostsWhen(task, hosts).isEmpty();
    }

    private List<String> hostsWhen(Task task, List<String> hosts) {
        List<String> out = new ArrayList<>();
        for (String host : hosts) {
            if (ctx.templar.allConditions(task.when(), ctx.vars.forTask(host, task))) {
                out.add(host);
            }
        }
        return out;
    }

    /**
     * Runs every handler notified by one of {@code hosts}, in the order the handlers are defined, once per host;
     * a handler may notify a later one. Returns the hosts that failed a handler.
     */
    Set<String> flushHandlers(List<String> hosts) throws InterruptedException {
        Set<String> failed = new LinkedHashSet<>();
        List<Task> handlers = ctx.handlers.handlers();
        for (int i = 0; i < handlers.size(); i++) {
            if (ctx.stopped()) {
                break;
            }
            List<String> eligible = ctx.available(hosts).stream()
                .filter(h -> !failed.contains(h) && ctx.services.run().isActive(h)).toList();
            List<String> targets = ctx.handlers.notifiedHosts(i, eligible);
            if (targets.isEmpty()) {
                continue;
            }
            ctx.handlers.clear(i, targets);
            failed.addAll(runTask(handlers.get(i), targets, false));
        }
        return failed;
    }
}

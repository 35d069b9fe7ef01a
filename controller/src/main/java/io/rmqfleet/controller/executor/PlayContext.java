package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.plan.PlayPlan;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.RuntimeVars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One serial batch of one play while it runs: its variables, its pending handlers, the hosts that failed or
 * ended in it, and whether the play was aborted ({@code max_fail_percentage}, {@code any_errors_fatal},
 * {@code meta: end_play}).
 */
final class PlayContext {
    final PlayPlan play;
    final List<String> batch;
    final VarsResolver vars;
    final RuntimeVars runtime;
    final Templar templar;
    final RunServices services;
    final HandlerNotifications handlers;
    /** Failures that no block rescues: they count for max_fail_percentage and leave the run. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    /** Hosts done with this play without failing ({@code meta: end_host}). */
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private volatile boolean aborted;

    PlayContext(PlayPlan play, List<String> batch, VarsResolver vars, RuntimeVars runtime, RunServices services) {
        this.play = play;
        this.batch = List.copyOf(batch);
        this.vars = vars;
        this.runtime = runtime;
        this.templar = vars.templar();
        this.services = services;
        this.handlers = new HandlerNotifications(play.handlers());
    }

    Path playbookDir() {
        return play.play().baseDir();
    }

    void markFailed(String host) {
        failed.add(host);
        services.run().markFailed(host);
    }

    Set<String> failed() {
        return failed;
    }

    void end(String host) {
        ended.add(host);
    }

    /**
     * A host may still be given tasks: reachable and not ended. Whether it failed is up to the task list it is
     * in (a failed host still runs its block's {@code always:}).
     */
    boolean isAvailable(String host) {
        return !ended.contains(host) && !services.run().isUnreachable(host);
    }

    List<String> available(List<String> hosts) {
        return hosts.stream().filter(this::isAvailable).toList();
    }

    void abort() {
        aborted = true;
    }

    boolean stopped() {
        return aborted || services.run().stopped();
    }

    /** Keeps {@code ansible_play_hosts} / {@code ansible_play_batch} in step with the hosts still running. */
    void refreshPlayHosts() {
        runtime.setPlayBatch(batch.stream().filter(h -> isAvailable(h) && services.run().isActive(h)).toList());
        runtime.setPlayHosts(play.hosts().stream().filter(h -> services.run().isActive(h)).toList());
    }
}

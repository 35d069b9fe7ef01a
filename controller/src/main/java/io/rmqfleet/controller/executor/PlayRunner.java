package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.plan.PlayPlan;
import io.rmqfleet.controller.playbook.vars.RuntimeVars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One play: its hosts that are still in the run, split into {@code serial} batches; each batch gets the PLAY
 * banner, facts (when {@code gather_facts}) and the play's tasks through the {@link LinearStrategy}. When every
 * host of a batch failed or became unreachable, the playbook stops, as ansible-playbook does.
 */
final class PlayRunner {
    static final String GATHERING_FACTS = "Gathering Facts";

    private final RunServices services;
    private final RuntimeVars runtime;

    PlayRunner(RunServices services, RuntimeVars runtime) {
        this.services = services;
        this.runtime = runtime;
    }

    void run(PlayPlan play) throws InterruptedException {
        RunState run = services.run();
        List<String> hosts = run.active(play.hosts());
        if (hosts.isEmpty()) {
            services.reporter().playStarted(play.name());
            services.reporter().noHostsMatched();
            return;
        }
        VarsResolver vars = play.varsResolver(runtime);
        runtime.setPlayHostsAll(play.hosts());
        for (List<String> batch : play.play().serial().batches(hosts)) {
            if (run.stopped()) {
                return;
            }
            services.reporter().playStarted(play.name());
            PlayContext ctx = new PlayContext(play, batch, vars, runtime, services);
            ctx.refreshPlayHosts();
            new LinearStrategy(ctx).runNodes(tasksOf(play), batch, false);
            if (batch.stream().noneMatch(run::isActive)) {
                run.stop();
            }
        }
    }

    private static List<TaskNode> tasksOf(PlayPlan play) {
        if (!play.gatherFacts()) {
            return play.tasks();
        }
        List<TaskNode> all = new ArrayList<>();
        all.add(TaskCopies.synthetic(GATHERING_FACTS, "setup", Map.of(), play.play().baseDir(),
            play.play().location()));
        all.addAll(play.tasks());
        return all;
    }
}

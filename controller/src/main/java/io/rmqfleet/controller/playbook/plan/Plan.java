package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.playbook.model.Playbook;
import java.util.List;

/**
 * What {@code rmqfleet apply} will do, computed without touching any host: the plays in order with their hosts,
 * batches and tasks. Immutable and shared by the executor's threads. {@link #tags} is kept so the executor can
 * filter the tasks of an {@code include_tasks} it expands at run time the same way.
 */
public record Plan(Playbook playbook, List<PlayPlan> plays, PlanOptions options, List<String> warnings) {

    public Plan {
        plays = List.copyOf(plays);
        warnings = List.copyOf(warnings);
    }

    public TagSelection tags() {
        return options.tags();
    }

    /** Every host some play will run on. */
    public List<String> allHosts() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        plays.forEach(p -> all.addAll(p.hosts()));
        return List.copyOf(all);
    }
}

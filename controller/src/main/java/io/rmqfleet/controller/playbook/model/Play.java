package io.rmqfleet.controller.playbook.model;

import io.rmqfleet.controller.input.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One play, with its roles already expanded into {@link #roleTasks} (role dependencies first) and role handlers
 * appended to {@link #handlers}. Play-level keywords (become, environment, tags, ...) are pushed into the tasks.
 *
 * @param name        raw play name (may contain templates), null if not given
 * @param hosts       raw host patterns ({@code hosts: a:b} is one pattern, a YAML list gives several)
 * @param varsFiles   raw {@code vars_files:} entries, loaded by the planner relative to {@link #baseDir}
 * @param roles       roles applied by this play in order (incl. dependencies), for their defaults and vars
 * @param maxFailPercentage null when not given
 */
public record Play(
    String name,
    List<String> hosts,
    Map<String, Object> vars,
    List<VarsFileRef> varsFiles,
    Serial serial,
    Double maxFailPercentage,
    boolean anyErrorsFatal,
    boolean gatherFacts,
    Set<String> tags,
    List<TaskNode> preTasks,
    List<TaskNode> roleTasks,
    List<TaskNode> tasks,
    List<TaskNode> postTasks,
    List<Task> handlers,
    List<RoleUse> roles,
    Path baseDir,
    SourceLocation location) {

    public Play {
        hosts = List.copyOf(hosts);
        vars = ImmutableValues.map(vars);
        varsFiles = List.copyOf(varsFiles);
        tags = Set.copyOf(tags);
        preTasks = List.copyOf(preTasks);
        roleTasks = List.copyOf(roleTasks);
        tasks = List.copyOf(tasks);
        postTasks = List.copyOf(postTasks);
        handlers = List.copyOf(handlers);
        roles = List.copyOf(roles);
    }

    /** A {@code vars_files:} entry as written (may contain templates). */
    public record VarsFileRef(String path, SourceLocation location) {
    }
}

package io.rmqfleet.controller.playbook.model;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One task (or handler) ready for the executor. Everything inherited from the play, role, imports and enclosing
 * blocks is already folded in: {@link #when} holds the outer conditions first, {@link #tags} the union of all
 * tags, {@link #varScopes} the block vars from outer to inner followed by the task's own vars.
 *
 * <p>Values that Ansible templates at run time ({@link #args}, loop items, retries, delay, environment) are kept
 * raw; conditions are bare Jinja expressions. {@link #role} is null for tasks written in the playbook itself.
 *
 * @param action     canonical module name ({@code command}, {@code rocketmq_broker}, {@code include_tasks}, ...)
 * @param retries    raw {@code retries:} (an integer or a template string), null when not given
 * @param delay      raw {@code delay:}, null when not given
 * @param checkMode  {@code check_mode:} true/false forces it; null follows the command line
 * @param become     null when not set anywhere on the way down
 * @param baseDir    directory of the file the task was written in (relative paths of includes, files, templates)
 * @param handler    true for tasks of a {@code handlers:} section
 * @param listen     handler topics ({@code listen:}), empty for ordinary tasks
 * @param implicit   true for tasks rmqfleet adds itself (the flush_handlers between play sections)
 * @param inherited  what the task got from its parents (used to expand {@code include_tasks} at run time)
 */
public record Task(
    String name,
    String action,
    Map<String, Object> args,
    List<String> when,
    Loop loop,
    String register,
    List<String> changedWhen,
    List<String> failedWhen,
    List<String> until,
    Object retries,
    Object delay,
    List<String> notifications,
    List<String> listen,
    Set<String> tags,
    boolean ignoreErrors,
    boolean noLog,
    boolean runOnce,
    String delegateTo,
    Boolean checkMode,
    Boolean become,
    String becomeUser,
    Map<String, Object> environment,
    List<Map<String, Object>> varScopes,
    RoleUse role,
    java.nio.file.Path baseDir,
    boolean handler,
    boolean implicit,
    Inherited inherited,
    SourceLocation location) implements TaskNode {

    public static final String INCLUDE_TASKS = "include_tasks";
    public static final String META = "meta";
    public static final String FLUSH_HANDLERS = "flush_handlers";

    public Task {
        args = ImmutableValues.map(args);
        when = List.copyOf(when);
        changedWhen = List.copyOf(changedWhen);
        failedWhen = List.copyOf(failedWhen);
        until = List.copyOf(until);
        notifications = List.copyOf(notifications);
        listen = List.copyOf(listen);
        tags = Set.copyOf(tags);
        environment = ImmutableValues.map(environment);
        varScopes = varScopes.stream().map(ImmutableValues::map).toList();
    }

    /** The {@code meta: flush_handlers} Ansible runs after pre_tasks, after roles+tasks and after post_tasks. */
    public static Task implicitFlush(SourceLocation at, java.nio.file.Path baseDir) {
        return new Task(null, META, Map.of(ArgsKeys.RAW_PARAMS, FLUSH_HANDLERS), List.of(), null, null, List.of(),
            List.of(), List.of(), null, null, List.of(), List.of(), Set.of("always"), false, false, false, null, null,
            null, null, Map.of(), List.of(), null, baseDir, false, true, Inherited.NONE, at);
    }

    /** The name shown in output: the task name, prefixed by its role; unnamed tasks show their module. */
    public String displayName() {
        if (name == null || name.isBlank()) {
            return action;
        }
        return role == null ? name : role.name() + " : " + name;
    }

    public boolean isInclude() {
        return INCLUDE_TASKS.equals(action);
    }

    public boolean isMeta() {
        return META.equals(action);
    }

    /** {@code meta: flush_handlers} (also the implicit flush points the planner inserts). */
    public boolean isFlushHandlers() {
        return isMeta() && FLUSH_HANDLERS.equals(args.get(ArgsKeys.RAW_PARAMS));
    }

    /** Names a notification can use to reach this handler: its name, "role : name" and its listen topics. */
    public List<String> handlerAliases() {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        if (name != null) {
            names.add(name);
            if (role != null) {
                names.add(role.name() + " : " + name);
            }
        }
        names.addAll(listen);
        return names;
    }
}

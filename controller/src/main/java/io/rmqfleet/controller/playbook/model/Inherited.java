package io.rmqfleet.controller.playbook.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a task gets from the play, role, import and blocks around it. Booleans are null when nobody set them.
 * The executor uses a task's {@link Task#inherited()} to expand an {@code include_tasks} at run time, so the
 * included tasks inherit like Ansible's (the parents' keywords, not the include's own when/tags).
 */
public record Inherited(
    List<String> when,
    Set<String> tags,
    List<Map<String, Object>> varScopes,
    Boolean become,
    String becomeUser,
    Map<String, Object> environment,
    Boolean checkMode,
    Boolean noLog,
    Boolean ignoreErrors,
    Boolean runOnce,
    String delegateTo,
    RoleUse role) {

    public static final Inherited NONE = new Inherited(List.of(), Set.of(), List.of(), null, null, Map.of(), null,
        null, null, null, null, null);

    public Inherited {
        when = List.copyOf(when);
        tags = Set.copyOf(tags);
        varScopes = varScopes.stream().map(ImmutableValues::map).toList();
        environment = ImmutableValues.map(environment);
    }

    public Inherited withRole(RoleUse newRole) {
        return new Inherited(when, tags, varScopes, become, becomeUser, environment, checkMode, noLog, ignoreErrors,
            runOnce, delegateTo, newRole);
    }

    /** Adds a layer (a block, an import, a role application) on top of this one. */
    public Inherited plus(Layer layer) {
        List<String> w = new ArrayList<>(when);
        w.addAll(layer.when());
        Set<String> t = new LinkedHashSet<>(tags);
        t.addAll(layer.tags());
        List<Map<String, Object>> scopes = new ArrayList<>(varScopes);
        if (!layer.vars().isEmpty()) {
            scopes.add(layer.vars());
        }
        Map<String, Object> env = new LinkedHashMap<>(environment);
        env.putAll(layer.environment());
        return new Inherited(w, t, scopes,
            pick(layer.become(), become), pick(layer.becomeUser(), becomeUser), env,
            pick(layer.checkMode(), checkMode), pick(layer.noLog(), noLog), pick(layer.ignoreErrors(), ignoreErrors),
            pick(layer.runOnce(), runOnce), pick(layer.delegateTo(), delegateTo), role);
    }

    private static <T> T pick(T own, T parent) {
        return own != null ? own : parent;
    }

    /** The keywords one block/import/role/play level sets (nulls and empties mean "not set here"). */
    public record Layer(
        List<String> when,
        Set<String> tags,
        Map<String, Object> vars,
        Boolean become,
        String becomeUser,
        Map<String, Object> environment,
        Boolean checkMode,
        Boolean noLog,
        Boolean ignoreErrors,
        Boolean runOnce,
        String delegateTo) {

        public static final Layer EMPTY = new Layer(List.of(), Set.of(), Map.of(), null, null, Map.of(), null, null,
            null, null, null);
    }
}

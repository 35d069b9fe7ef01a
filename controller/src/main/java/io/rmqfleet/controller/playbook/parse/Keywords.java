package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keyword sets of each YAML construct, and reading the keywords that children inherit. */
final class Keywords {

    /** Keywords that blocks, imports, roles and plays hand down to their tasks. */
    static final Set<String> INHERITABLE = Set.of(
        "when", "tags", "vars", "become", "become_user", "environment", "check_mode", "no_log", "ignore_errors",
        "run_once", "delegate_to");

    static final Set<String> TASK = union(INHERITABLE, Set.of(
        "name", "loop", "with_items", "loop_control", "register", "changed_when", "failed_when", "retries", "until",
        "delay", "notify", "args"));

    static final Set<String> HANDLER = union(TASK, Set.of("listen"));

    static final Set<String> BLOCK = union(INHERITABLE, Set.of("name", "block", "rescue", "always"));

    static final Set<String> IMPORT_TASKS = union(INHERITABLE, Set.of("name", "import_tasks"));

    static final Set<String> PLAY = Set.of(
        "name", "hosts", "vars", "vars_files", "serial", "max_fail_percentage", "any_errors_fatal", "gather_facts",
        "pre_tasks", "roles", "tasks", "post_tasks", "handlers", "tags", "become", "become_user", "environment",
        "check_mode", "no_log", "ignore_errors");

    static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "name", "vars", "tags");

    /** Keywords of a {@code roles:} entry; every other key is a role parameter. */
    static final Set<String> ROLE_ENTRY = union(Set.of("role", "name", "tags", "when", "vars", "become",
        "become_user", "environment", "check_mode", "no_log", "ignore_errors", "delegate_to"), Set.of());

    private Keywords() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }

    /** Reads the inheritable keywords present in {@code m} (vars only if {@code withVars}). */
    static Inherited.Layer layer(YamlMap m, boolean withVars) {
        List<String> when = m.has("when") ? Fields.conditions(m.get("when"), "'when'") : List.of();
        Set<String> tags = m.has("tags") ? Fields.tags(m.get("tags")) : Set.of();
        Map<String, Object> vars = withVars && m.has("vars") ? Fields.variables(m.get("vars"), "'vars'") : Map.of();
        Map<String, Object> env = m.has("environment") ? environment(m.get("environment")) : Map.of();
        return new Inherited.Layer(when, tags, vars,
            optionalBool(m, "become"),
            Fields.optionalString(m.get("become_user"), "'become_user'"),
            env,
            optionalBool(m, "check_mode"),
            optionalBool(m, "no_log"),
            optionalBool(m, "ignore_errors"),
            optionalBool(m, "run_once"),
            delegateTo(m.get("delegate_to")));
    }

    static Boolean optionalBool(YamlMap m, String key) {
        YamlNode node = m.get(key);
        return node == null ? null : Fields.bool(node, "'" + key + "'");
    }

    static Map<String, Object> environment(YamlNode node) {
        Map<String, Object> env = Fields.varsMap(node, "'environment'");
        for (Map.Entry<String, Object> e : env.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                throw Fields.error(node, "'environment' values must be strings, '" + e.getKey() + "' is not");
            }
        }
        return env;
    }

    /** Only the controller itself can be delegated to: rmqfleet has no ad-hoc connections to other hosts. */
    static String delegateTo(YamlNode node) {
        String target = Fields.optionalString(node, "'delegate_to'");
        if (target == null) {
            return null;
        }
        if (!target.equals("localhost") && !target.equals("127.0.0.1")) {
            throw Fields.error(node, "delegate_to: only 'localhost' is supported, not '" + target + "'");
        }
        return "localhost";
    }
}

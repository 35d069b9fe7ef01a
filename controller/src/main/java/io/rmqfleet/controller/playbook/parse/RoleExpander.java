package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.RoleUse;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.yaml.YamlList;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a play's {@code roles:} into tasks and handlers, dependencies ({@code meta/main.yml}) first. Like
 * Ansible, a role applied twice with the same parameters runs once, unless its meta says
 * {@code allow_duplicates: true}; a dependency cycle is an error.
 */
final class RoleExpander {

    /** What the roles of one play add to it. */
    record Expansion(List<TaskNode> tasks, List<Task> handlers, List<RoleUse> uses) {
    }

    private final ParseSession session;
    private final TaskParser tasks;
    private final Path playbookDir;
    private final List<TaskNode> outTasks = new ArrayList<>();
    private final List<Task> outHandlers = new ArrayList<>();
    private final List<RoleUse> outUses = new ArrayList<>();
    private final Set<Object> applied = new HashSet<>();
    private final Set<Path> handlersAdded = new HashSet<>();
    private final Deque<String> chain = new ArrayDeque<>();

    RoleExpander(ParseSession session, TaskParser tasks, Path playbookDir) {
        this.session = session;
        this.tasks = tasks;
        this.playbookDir = playbookDir;
    }

    Expansion expand(YamlNode roles, Inherited play) {
        if (roles != null && !(roles instanceof YamlScalar s && s.isNull())) {
            for (YamlNode entry : Fields.list(roles, "'roles'").items()) {
                apply(entry, play);
            }
        }
        return new Expansion(outTasks, outHandlers, outUses);
    }

    private void apply(YamlNode entry, Inherited parent) {
        String name;
        Map<String, Object> params = new LinkedHashMap<>();
        Inherited.Layer layer = Inherited.Layer.EMPTY;
        if (entry instanceof YamlScalar s && s.isString()) {
            name = s.text();
        } else if (entry instanceof YamlMap m) {
            YamlNode nameNode = m.has("role") ? m.get("role") : m.get("name");
            if (nameNode == null) {
                throw Fields.error(m, "a role entry needs 'role: NAME'");
            }
            name = Fields.string(nameNode, "role name");
            for (YamlMap.Entry e : m.entries()) {
                if (e.name().equals("vars")) {
                    params.putAll(Fields.variables(e.value(), "role 'vars'"));
                } else if (!Keywords.ROLE_ENTRY.contains(e.name())) {
                    if (!Fields.isIdentifier(e.name())) {
                        throw Fields.error(e.key(), "invalid role parameter name '" + e.name() + "'");
                    }
                    params.put(e.name(), e.value().toPlain());
                }
            }
            layer = Keywords.layer(m, false);
        } else {
            throw Fields.error(entry, "a role entry must be a role name or a mapping, not " + entry.describe());
        }
        if (chain.contains(name)) {
            List<String> path = new ArrayList<>(chain);
            java.util.Collections.reverse(path);
            throw Fields.error(entry, "role dependency cycle: " + String.join(" -> ", path) + " -> " + name);
        }
        RoleLoader.LoadedRole loaded = session.roles().load(name, playbookDir, entry.location());
        Object key = List.of(loaded.role().path(), params);
        if (!loaded.allowDuplicates() && !applied.add(key)) {
            return;
        }
        RoleUse use = new RoleUse(loaded.role(), params);
        Inherited inside = parent.plus(layer).withRole(use);
        chain.push(name);
        try {
            if (loaded.dependencies() != null && !(loaded.dependencies() instanceof YamlScalar s && s.isNull())) {
                YamlList deps = Fields.list(loaded.dependencies(), "role dependencies");
                for (YamlNode dep : deps.items()) {
                    // A dependency inherits the keywords of the role that needs it, but has its own role context.
                    apply(dep, parent.plus(layer));
                }
            }
            outUses.add(use);
            if (loaded.tasksFile() != null) {
                outTasks.addAll(tasks.parseFile(loaded.tasksFile(), inside, false, entry.location()));
            }
            if (loaded.handlersFile() != null && handlersAdded.add(loaded.role().path())) {
                for (TaskNode h : tasks.parseFile(loaded.handlersFile(), inside, true, entry.location())) {
                    addHandler(h);
                }
            }
        } finally {
            chain.pop();
        }
    }

    private void addHandler(TaskNode node) {
        if (node instanceof Task t) {
            outHandlers.add(t);
        } else {
            throw new InputException(node.location(), "blocks are not supported in handlers");
        }
    }
}

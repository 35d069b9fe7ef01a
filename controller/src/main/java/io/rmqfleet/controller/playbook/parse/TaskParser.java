package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.ArgsKeys;
import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.yaml.YamlList;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses task lists: tasks, handlers, blocks, and {@code import_tasks} (expanded here, statically, with the
 * import's keywords inherited by every imported task). {@code include_tasks} stays a task for the executor.
 */
final class TaskParser {

    private final ParseSession session;

    TaskParser(ParseSession session) {
        this.session = session;
    }

    /** A task list ({@code tasks:}, a task file, a block section); null/empty yields no tasks. */
    List<TaskNode> parseList(YamlNode node, Inherited parent, Path baseDir, boolean handlers, String what) {
        List<TaskNode> out = new ArrayList<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        YamlList list = Fields.list(node, what);
        for (YamlNode entry : list.items()) {
            if (!(entry instanceof YamlMap m)) {
                throw Fields.error(entry, "each entry of " + what + " must be a mapping (a task), not "
                    + entry.describe());
            }
            parseEntry(m, parent, baseDir, handlers, out);
        }
        return out;
    }

    /** A whole task file (for {@code import_tasks}, role task files and the executor's {@code include_tasks}). */
    List<TaskNode> parseFile(Path file, Inherited parent, boolean handlers, io.rmqfleet.controller.input.SourceLocation at) {
        return session.importing(file, at, () -> {
            YamlNode root = session.load(file);
            Path dir = file.getParent() == null ? Path.of("") : file.getParent();
            return parseList(root, parent, dir, handlers, "a task file");
        });
    }

    private void parseEntry(YamlMap m, Inherited parent, Path baseDir, boolean handlers, List<TaskNode> out) {
        if (m.has("block")) {
            out.add(block(m, parent, baseDir, handlers));
            return;
        }
        for (String section : List.of("rescue", "always")) {
            if (m.has(section)) {
                throw Fields.error(m.entry(section).key(), "'" + section + "' is only allowed together with 'block'");
            }
        }
        if (m.has("import_tasks") || m.has("ansible.builtin.import_tasks")) {
            out.addAll(importTasks(m, parent, baseDir, handlers));
            return;
        }
        out.add(task(m, parent, baseDir, handlers));
    }

    private Block block(YamlMap m, Inherited parent, Path baseDir, boolean handlers) {
        rejectUnknown(m, Keywords.BLOCK, "block");
        Inherited inner = parent.plus(Keywords.layer(m, true));
        String name = Fields.optionalString(m.get("name"), "'name'");
        List<TaskNode> block = parseList(m.get("block"), inner, baseDir, handlers, "'block'");
        List<TaskNode> rescue = parseList(m.get("rescue"), inner, baseDir, handlers, "'rescue'");
        List<TaskNode> always = parseList(m.get("always"), inner, baseDir, handlers, "'always'");
        return new Block(name, block, rescue, always, inner.tags(), m.location());
    }

    private List<TaskNode> importTasks(YamlMap m, Inherited parent, Path baseDir, boolean handlers) {
        String key = m.has("import_tasks") ? "import_tasks" : "ansible.builtin.import_tasks";
        for (YamlMap.Entry e : m.entries()) {
            if (!e.name().equals(key) && !Keywords.IMPORT_TASKS.contains(e.name())) {
                String hint = Set.of("loop", "with_items", "register", "notify").contains(e.name())
                    ? " (import_tasks is static; use include_tasks to loop)" : "";
                throw Fields.error(e.key(), "'" + e.name() + "' is not allowed on import_tasks" + hint);
            }
        }
        Map<String, Object> args = ModuleArgs.normalize("import_tasks", m.entry(key), null, session.modules());
        String file = (String) args.get(ArgsKeys.FILE);
        if (file.contains("{{") || file.contains("{%")) {
            throw Fields.error(m.get(key), "import_tasks is resolved when the playbook is read and cannot use"
                + " variables in its file name; use include_tasks for '" + file + "'");
        }
        Inherited inner = parent.plus(Keywords.layer(m, true));
        Path target = session.existing(baseDir, file, m.get(key).location(), "import_tasks file");
        return parseFile(target, inner, handlers, m.get(key).location());
    }

    private Task task(YamlMap m, Inherited parent, Path baseDir, boolean handler) {
        Set<String> keywords = handler ? Keywords.HANDLER : Keywords.TASK;
        YamlMap.Entry moduleEntry = null;
        String module = null;
        for (YamlMap.Entry e : m.entries()) {
            if (keywords.contains(e.name())) {
                continue;
            }
            Optional<String> canonical = session.modules().canonical(e.name());
            if (canonical.isEmpty()) {
                if (e.name().equals("listen")) {
                    throw Fields.error(e.key(), "'listen' is only allowed on handlers");
                }
                if (Keywords.BLOCK.contains(e.name()) || Keywords.PLAY.contains(e.name())) {
                    throw Fields.error(e.key(), "'" + e.name() + "' is not allowed on a task");
                }
                throw Fields.error(e.key(), "unknown keyword or module '" + e.name() + "'"
                    + Suggestions.didYouMean(e.name(), candidates(keywords)));
            }
            if (moduleEntry != null) {
                throw Fields.error(e.key(), "a task can use only one module, found both '" + moduleEntry.name()
                    + "' and '" + e.name() + "'");
            }
            moduleEntry = e;
            module = canonical.get();
        }
        if (moduleEntry == null) {
            throw Fields.error(m, "no module given in this task (keys: " + String.join(", ", m.keys()) + ")");
        }
        if (module.equals("import_tasks")) {
            throw Fields.error(moduleEntry.key(), "import_tasks cannot be combined with these task keywords");
        }
        Map<String, Object> args = ModuleArgs.normalize(module, moduleEntry, m.get("args"), session.modules());

        Inherited.Layer own = Keywords.layer(m, true);
        Inherited eff = parent.plus(own);
        Loop loop = loop(m);
        String register = m.has("register") ? identifier(m.get("register"), "'register'") : null;
        List<String> until = m.has("until") ? Fields.conditions(m.get("until"), "'until'") : List.of();
        Object retries = m.has("retries") ? Fields.intOrTemplate(m.get("retries"), "'retries'") : null;
        Object delay = m.has("delay") ? Fields.intOrTemplate(m.get("delay"), "'delay'") : null;
        if (!until.isEmpty()) {
            // Ansible's defaults when only 'until' is given.
            retries = retries == null ? 3 : retries;
            delay = delay == null ? 5 : delay;
        }
        if (module.equals("include_tasks")) {
            for (String forbidden : List.of("register", "notify", "until", "changed_when", "failed_when")) {
                if (m.has(forbidden)) {
                    throw Fields.error(m.entry(forbidden).key(), "'" + forbidden + "' is not allowed on include_tasks");
                }
            }
        }
        return new Task(
            Fields.optionalString(m.get("name"), "'name'"),
            module,
            args,
            eff.when(),
            loop,
            register,
            m.has("changed_when") ? Fields.conditions(m.get("changed_when"), "'changed_when'") : List.of(),
            m.has("failed_when") ? Fields.conditions(m.get("failed_when"), "'failed_when'") : List.of(),
            until,
            retries,
            delay,
            m.has("notify") ? Fields.stringList(m.get("notify"), "'notify'") : List.of(),
            m.has("listen") ? Fields.stringList(m.get("listen"), "'listen'") : List.of(),
            new LinkedHashSet<>(eff.tags()),
            Boolean.TRUE.equals(eff.ignoreErrors()),
            Boolean.TRUE.equals(eff.noLog()),
            Boolean.TRUE.equals(eff.runOnce()),
            eff.delegateTo(),
            eff.checkMode(),
            eff.become(),
            eff.becomeUser(),
            eff.environment(),
            eff.varScopes(),
            eff.role(),
            baseDir,
            handler,
            false,
            parent,
            m.location());
    }

    private static Loop loop(YamlMap m) {
        boolean hasLoop = m.has("loop");
        boolean hasItems = m.has("with_items");
        if (hasLoop && hasItems) {
            throw Fields.error(m.entry("with_items").key(), "use either 'loop' or 'with_items', not both");
        }
        YamlMap control = null;
        if (m.has("loop_control")) {
            if (!hasLoop && !hasItems) {
                throw Fields.error(m.entry("loop_control").key(), "'loop_control' needs 'loop' or 'with_items'");
            }
            control = Fields.map(m.get("loop_control"), "'loop_control'");
            for (YamlMap.Entry e : control.entries()) {
                if (!Set.of("loop_var", "index_var", "label").contains(e.name())) {
                    throw Fields.error(e.key(), "loop_control: unsupported option '" + e.name()
                        + "' (supported: loop_var, index_var, label)");
                }
            }
        }
        if (!hasLoop && !hasItems) {
            return null;
        }
        YamlNode items = m.get(hasLoop ? "loop" : "with_items");
        if (items instanceof YamlMap) {
            throw Fields.error(items, "a loop needs a list or a template giving a list, not a mapping"
                + " (use \"{{ x | dict2items }}\")");
        }
        if (items instanceof YamlScalar s && !(s.value() instanceof String)) {
            throw Fields.error(items, "a loop needs a list or a template giving a list, not " + items.describe());
        }
        String loopVar = Loop.DEFAULT_LOOP_VAR;
        String indexVar = null;
        String label = null;
        if (control != null) {
            if (control.has("loop_var")) {
                loopVar = identifier(control.get("loop_var"), "loop_control.loop_var");
            }
            if (control.has("index_var")) {
                indexVar = identifier(control.get("index_var"), "loop_control.index_var");
            }
            label = Fields.optionalString(control.get("label"), "loop_control.label");
        }
        return new Loop(items.toPlain(), hasItems, loopVar, indexVar, label);
    }

    private static String identifier(YamlNode node, String what) {
        String name = Fields.string(node, what);
        if (!Fields.isIdentifier(name)) {
            throw Fields.error(node, what + ": '" + name + "' is not a valid variable name");
        }
        return name;
    }

    private Set<String> candidates(Set<String> keywords) {
        Set<String> all = new java.util.HashSet<>(keywords);
        all.addAll(ModuleCatalog.DEFAULT_MODULES);
        return all;
    }

    private static void rejectUnknown(YamlMap m, Set<String> allowed, String what) {
        for (YamlMap.Entry e : m.entries()) {
            if (!allowed.contains(e.name())) {
                throw new InputException(e.key().location(), "'" + e.name() + "' is not allowed on a " + what
                    + Suggestions.didYouMean(e.name(), allowed));
            }
        }
    }
}

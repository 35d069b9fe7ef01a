package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Serial;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.yaml.YamlList;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses one play mapping. Play-level keywords are pushed down into every task, role task and handler. */
final class PlayParser {

    private final ParseSession session;
    private final TaskParser tasks;

    PlayParser(ParseSession session) {
        this.session = session;
        this.tasks = new TaskParser(session);
    }

    /**
     * @param importVars vars of the {@code import_playbook} that brought this play in (lower than its own vars)
     * @param importTags tags of that import
     */
    Play parse(YamlMap m, Path baseDir, Map<String, Object> importVars, Set<String> importTags) {
        for (YamlMap.Entry e : m.entries()) {
            if (!Keywords.PLAY.contains(e.name())) {
                String hint = session.modules().canonical(e.name()).isPresent() || Keywords.TASK.contains(e.name())
                    ? " (tasks go under 'tasks:')" : Suggestions.didYouMean(e.name(), Keywords.PLAY);
                throw Fields.error(e.key(), "'" + e.name() + "' is not a valid play keyword" + hint);
            }
        }
        if (!m.has("hosts")) {
            throw Fields.error(m, "a play needs 'hosts'");
        }
        List<String> hosts = hosts(m.get("hosts"));
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        if (m.has("vars")) {
            vars.putAll(Fields.variables(m.get("vars"), "play 'vars'"));
        }
        Set<String> tags = new LinkedHashSet<>(importTags);
        if (m.has("tags")) {
            tags.addAll(Fields.tags(m.get("tags")));
        }
        // Play vars are not a task var scope (they have their own precedence level), so no vars in this layer.
        Inherited.Layer playLayer = Keywords.layer(m, false);
        Inherited.Layer withImportTags = new Inherited.Layer(playLayer.when(), tags, Map.of(), playLayer.become(),
            playLayer.becomeUser(), playLayer.environment(), playLayer.checkMode(), playLayer.noLog(),
            playLayer.ignoreErrors(), playLayer.runOnce(), playLayer.delegateTo());
        Inherited inherited = Inherited.NONE.plus(withImportTags);

        List<TaskNode> pre = tasks.parseList(m.get("pre_tasks"), inherited, baseDir, false, "'pre_tasks'");
        RoleExpander.Expansion roles = new RoleExpander(session, tasks, baseDir).expand(m.get("roles"), inherited);
        List<TaskNode> main = tasks.parseList(m.get("tasks"), inherited, baseDir, false, "'tasks'");
        List<TaskNode> post = tasks.parseList(m.get("post_tasks"), inherited, baseDir, false, "'post_tasks'");
        // Ansible runs role handlers before the play's own when both are notified.
        List<Task> handlers = new ArrayList<>(roles.handlers());
        for (TaskNode h : tasks.parseList(m.get("handlers"), inherited, baseDir, true, "'handlers'")) {
            if (!(h instanceof Task t)) {
                throw Fields.error(m.get("handlers"), "blocks are not supported in handlers");
            }
            handlers.add(t);
        }
        return new Play(
            Fields.optionalString(m.get("name"), "play 'name'"),
            hosts,
            vars,
            varsFiles(m.get("vars_files")),
            m.has("serial") ? serial(m.get("serial")) : Serial.ALL,
            m.has("max_fail_percentage") ? percentage(m.get("max_fail_percentage")) : null,
            m.has("any_errors_fatal") && Fields.bool(m.get("any_errors_fatal"), "'any_errors_fatal'"),
            !m.has("gather_facts") || Fields.bool(m.get("gather_facts"), "'gather_facts'"),
            tags,
            pre,
            roles.tasks(),
            main,
            post,
            handlers,
            roles.uses(),
            baseDir,
            m.location());
    }

    private static List<String> hosts(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlList l) {
            for (YamlNode item : l.items()) {
                out.add(nonEmpty(item));
            }
        } else {
            out.add(nonEmpty(node));
        }
        if (out.isEmpty()) {
            throw Fields.error(node, "'hosts' must name at least one host pattern");
        }
        return out;
    }

    private static String nonEmpty(YamlNode node) {
        String s = Fields.string(node, "'hosts'").trim();
        if (s.isEmpty()) {
            throw Fields.error(node, "'hosts' must not be empty");
        }
        return s;
    }

    private static List<Play.VarsFileRef> varsFiles(YamlNode node) {
        List<Play.VarsFileRef> out = new ArrayList<>();
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return out;
        }
        List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
        for (YamlNode item : items) {
            if (item instanceof YamlList) {
                throw Fields.error(item, "vars_files: lists of alternatives (first found) are not supported");
            }
            out.add(new Play.VarsFileRef(Fields.string(item, "vars_files entry"), item.location()));
        }
        return out;
    }

    /** {@code serial: 2}, {@code serial: "30%"} or a list of those. */
    static Serial serial(YamlNode node) {
        List<Serial.Step> steps = new ArrayList<>();
        List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
        for (YamlNode item : items) {
            steps.add(step(item));
        }
        if (steps.isEmpty()) {
            throw Fields.error(node, "'serial' must not be an empty list");
        }
        return new Serial(steps);
    }

    private static Serial.Step step(YamlNode node) {
        if (node instanceof YamlScalar s) {
            Object v = s.value();
            if (v instanceof Integer i && i >= 0) {
                return new Serial.Step(i, false);
            }
            if (v instanceof String text) {
                String t = text.trim();
                boolean percent = t.endsWith("%");
                String digits = percent ? t.substring(0, t.length() - 1).trim() : t;
                try {
                    int n = Integer.parseInt(digits);
                    if (n >= 0 && (!percent || n <= 100)) {
                        return new Serial.Step(n, percent);
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw Fields.error(node, "'serial' must be a number of hosts or a percentage like \"30%\", not "
            + node.describe() + (node instanceof YamlScalar s && s.text() != null ? " '" + s.text() + "'" : ""));
    }

    private static Double percentage(YamlNode node) {
        if (node instanceof YamlScalar s) {
            Object v = s.value();
            Double d = null;
            if (v instanceof Number n) {
                d = n.doubleValue();
            } else if (v instanceof String text) {
                try {
                    d = Double.parseDouble(text.trim().replace("%", ""));
                } catch (NumberFormatException e) {
                    d = null;
                }
            }
            if (d != null && d >= 0 && d <= 100) {
                return d;
            }
        }
        throw Fields.error(node, "'max_fail_percentage' must be a number from 0 to 100");
    }
}

package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;
import io.rmqfleet.controller.playbook.vars.InventoryView;
import io.rmqfleet.controller.playbook.vars.PlayVars;
import io.rmqfleet.controller.playbook.yaml.YamlLoader;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns inventory + playbook + command-line options into a {@link Plan}. Pure: reads vars_files, never connects
 * to a host. Only play-level values are templated here (play name, hosts, vars_files paths, with play and extra
 * vars); everything per host is left to the executor through {@link PlayPlan#varsResolver}.
 */
public final class Planner {

    private final Templar templar;

    public Planner(Templar templar) {
        this.templar = templar;
    }

    public Plan plan(InventoryView inventory, Playbook playbook, PlanOptions options) {
        List<PlayPlan> plays = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int number = 1;
        for (Play play : playbook.plays()) {
            plays.add(planPlay(number++, play, inventory, options, warnings));
        }
        return new Plan(playbook, plays, options, warnings);
    }

    private PlayPlan planPlay(int number, Play play, InventoryView inventory, PlanOptions options,
                              List<String> warnings) {
        Vars early = Vars.of(play.vars()).with(options.extraVars());
        Map<String, Object> varsFiles = loadVarsFiles(play, early);
        Vars playLevel = Vars.of(play.vars()).with(varsFiles).with(options.extraVars());

        List<String> patterns = new ArrayList<>();
        for (String raw : play.hosts()) {
            patterns.add(templatePlayValue(raw, playLevel, play.location(), "'hosts'"));
        }
        List<String> hosts = inventory.select(String.join(",", patterns), options.limit(), play.location());
        if (hosts.isEmpty() && inventory.select(String.join(",", patterns), null, play.location()).isEmpty()) {
            warnings.add("Could not match supplied host pattern, ignoring: " + String.join(",", patterns));
        }
        String name = displayName(play, patterns, playLevel);

        List<TaskNode> ordered = new ArrayList<>();
        ordered.addAll(play.preTasks());
        ordered.add(Task.implicitFlush(play.location(), play.baseDir()));
        ordered.addAll(play.roleTasks());
        ordered.addAll(play.tasks());
        ordered.add(Task.implicitFlush(play.location(), play.baseDir()));
        ordered.addAll(play.postTasks());
        ordered.add(Task.implicitFlush(play.location(), play.baseDir()));

        PlayVars vars = PlayVars.of(play.vars(), varsFiles, play.roles(), options.extraVars(), play.baseDir());
        return new PlayPlan(number, name, play, patterns, hosts, play.serial().batches(hosts),
            options.tags().filter(ordered), play.handlers(), vars, inventory, templar, options.checkMode());
    }

    /** Ansible shows a play by its name (templated with play vars) or else by its host patterns. */
    private String displayName(Play play, List<String> patterns, Vars playLevel) {
        if (play.name() == null || play.name().isBlank()) {
            return String.join(",", patterns);
        }
        try {
            return String.valueOf(templar.template(play.name(), playLevel));
        } catch (TemplateError e) {
            return play.name();
        }
    }

    private String templatePlayValue(String raw, Vars vars, SourceLocation at, String what) {
        try {
            Object value = templar.template(raw, vars);
            return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        } catch (TemplateError e) {
            throw new InputException(at, what + ": " + e.getMessage());
        }
    }

    private Map<String, Object> loadVarsFiles(Play play, Vars vars) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Play.VarsFileRef ref : play.varsFiles()) {
            String written = templatePlayValue(ref.path(), vars, ref.location(), "vars_files");
            Path file;
            try {
                file = play.baseDir().resolve(written).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                throw new InputException(ref.location(), "invalid vars_files path '" + written + "'");
            }
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new InputException(ref.location(), "vars file '" + written + "' not found (looked for " + file
                    + ")");
            }
            YamlNode root = YamlLoader.load(file);
            if (root instanceof YamlScalar s && s.isNull()) {
                continue;
            }
            if (!(root instanceof YamlMap m)) {
                throw new InputException(root.location(), "a vars file must be a mapping, not " + root.describe());
            }
            for (YamlMap.Entry e : m.entries()) {
                merged.put(e.name(), e.value().toPlain());
            }
        }
        return merged;
    }
}

package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
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

/**
 * Reads a playbook file into a {@link Playbook}: plays, roles, blocks, static imports; every syntax or semantic
 * problem is an {@link InputException} with {@code file:line:col}. No variables are evaluated here.
 */
public final class PlaybookParser {

    private final ModuleCatalog modules;
    private final SourceFiles sources;

    public PlaybookParser(ModuleCatalog modules, SourceFiles sources) {
        this.modules = modules;
        this.sources = sources;
    }

    public PlaybookParser(ModuleCatalog modules) {
        this(modules, SourceFiles.DISK);
    }

    public PlaybookParser() {
        this(ModuleCatalog.defaults());
    }

    public Playbook parse(Path file) {
        ParseSession session = new ParseSession(modules, sources);
        List<Play> plays = new ArrayList<>();
        SourceLocation at = new SourceLocation(file.toString(), 0, 0);
        session.importing(file, at, () -> {
            readPlays(session, file, Map.of(), Set.of(), plays);
            return null;
        });
        return new Playbook(file, plays);
    }

    /**
     * Loads the file of an {@code include_tasks} the executor is running, with {@code renderedFile} its already
     * templated file name. Included tasks inherit what the include inherited plus the include's own vars, but not
     * its when/tags (those applied to the include itself), as in Ansible.
     */
    public List<TaskNode> loadInclude(Task include, String renderedFile) {
        if (!include.isInclude()) {
            throw new IllegalArgumentException("not an include_tasks task: " + include.displayName());
        }
        ParseSession session = new ParseSession(modules, sources);
        Path file = session.existing(include.baseDir(), renderedFile, include.location(), "include_tasks file");
        Inherited parent = include.inherited();
        List<Map<String, Object>> scopes = include.varScopes();
        Map<String, Object> ownVars = scopes.size() > parent.varScopes().size() ? scopes.get(scopes.size() - 1)
            : Map.of();
        Inherited inner = parent.plus(new Inherited.Layer(List.of(), Set.of(), ownVars, null, null, Map.of(), null,
            null, null, null, null));
        return new TaskParser(session).parseFile(file, inner, include.handler(), include.location());
    }

    private void readPlays(ParseSession session, Path file, Map<String, Object> importVars, Set<String> importTags,
                           List<Play> out) {
        YamlNode root = session.load(file);
        if (root instanceof YamlScalar s && s.isNull()) {
            throw new InputException(new SourceLocation(file.toString(), 1, 1), "playbook is empty");
        }
        if (!(root instanceof YamlList list)) {
            throw Fields.error(root, "a playbook must be a list of plays, not " + root.describe());
        }
        Path baseDir = file.getParent() == null ? Path.of("") : file.getParent();
        PlayParser plays = new PlayParser(session);
        for (YamlNode entry : list.items()) {
            if (!(entry instanceof YamlMap m)) {
                throw Fields.error(entry, "each entry of a playbook must be a play (a mapping), not "
                    + entry.describe());
            }
            if (m.has("import_playbook") || m.has("ansible.builtin.import_playbook")) {
                importPlaybook(session, m, baseDir, importVars, importTags, out);
            } else {
                out.add(plays.parse(m, baseDir, importVars, importTags));
            }
        }
    }

    private void importPlaybook(ParseSession session, YamlMap m, Path baseDir, Map<String, Object> importVars,
                                Set<String> importTags, List<Play> out) {
        String key = m.has("import_playbook") ? "import_playbook" : "ansible.builtin.import_playbook";
        for (YamlMap.Entry e : m.entries()) {
            if (!e.name().equals(key) && !Set.of("name", "vars", "tags").contains(e.name())) {
                throw Fields.error(e.key(), "'" + e.name() + "' is not allowed on import_playbook");
            }
        }
        String written = Fields.string(m.get(key), "import_playbook");
        if (written.contains("{{")) {
            throw Fields.error(m.get(key), "import_playbook cannot use variables in its file name");
        }
        Path target = session.existing(baseDir, written, m.get(key).location(), "imported playbook");
        Map<String, Object> vars = new LinkedHashMap<>(importVars);
        if (m.has("vars")) {
            vars.putAll(Fields.variables(m.get("vars"), "import_playbook 'vars'"));
        }
        Set<String> tags = new LinkedHashSet<>(importTags);
        if (m.has("tags")) {
            tags.addAll(Fields.tags(m.get("tags")));
        }
        session.importing(target, m.get(key).location(), () -> {
            readPlays(session, target, vars, tags, out);
            return null;
        });
    }
}

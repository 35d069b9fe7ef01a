package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Role;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and reads role directories: {@code <playbook dir>/roles/NAME/} with {@code defaults/}, {@code vars/},
 * {@code tasks/}, {@code handlers/} and {@code meta/} (each {@code main.yml}, {@code main.yaml} or {@code main}).
 * A role is read once per parse however often it is used.
 */
final class RoleLoader {

    /** A role's files as read: the variables, plus the raw YAML of task and handler files and dependencies. */
    record LoadedRole(Role role, Path tasksFile, Path handlersFile, YamlNode dependencies, boolean allowDuplicates) {
    }

    private static final Set<String> META_KEYS = Set.of("dependencies", "galaxy_info", "allow_duplicates",
        "collections", "argument_specs");

    private final ParseSession session;
    private final Map<Path, LoadedRole> cache = new HashMap<>();

    RoleLoader(ParseSession session) {
        this.session = session;
    }

    LoadedRole load(String name, Path playbookDir, SourceLocation referencedAt) {
        if (name.isBlank() || name.contains("{{")) {
            throw new InputException(referencedAt, "invalid role name '" + name + "'");
        }
        Path rolesDir = playbookDir.resolve("roles");
        Path dir;
        try {
            dir = rolesDir.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(referencedAt, "invalid role name '" + name + "'");
        }
        if (!session.sources().isDirectory(dir)) {
            throw new InputException(referencedAt, "role '" + name + "' not found (looked for directory " + dir + ")");
        }
        LoadedRole cached = cache.get(dir);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> defaults = vars(mainFile(dir, "defaults"), "role defaults");
        Map<String, Object> vars = vars(mainFile(dir, "vars"), "role vars");
        YamlNode dependencies = null;
        boolean allowDuplicates = false;
        Path meta = mainFile(dir, "meta");
        if (meta != null) {
            YamlNode root = session.load(meta);
            if (!(root instanceof YamlScalar s && s.isNull())) {
                YamlMap m = Fields.map(root, "meta/main.yml");
                for (YamlMap.Entry e : m.entries()) {
                    if (!META_KEYS.contains(e.name())) {
                        throw Fields.error(e.key(), "unknown key '" + e.name() + "' in role meta"
                            + Suggestions.didYouMean(e.name(), META_KEYS));
                    }
                }
                dependencies = m.get("dependencies");
                if (m.has("allow_duplicates")) {
                    allowDuplicates = Fields.bool(m.get("allow_duplicates"), "'allow_duplicates'");
                }
            }
        }
        LoadedRole loaded = new LoadedRole(new Role(name, dir, defaults, vars), mainFile(dir, "tasks"),
            mainFile(dir, "handlers"), dependencies, allowDuplicates);
        cache.put(dir, loaded);
        return loaded;
    }

    private Map<String, Object> vars(Path file, String what) {
        if (file == null) {
            return Map.of();
        }
        return Fields.variables(session.load(file), what + " file " + file);
    }

    private Path mainFile(Path roleDir, String sub) {
        for (String candidate : List.of("main.yml", "main.yaml", "main")) {
            Path p = roleDir.resolve(sub).resolve(candidate);
            if (session.sources().isFile(p)) {
                return p;
            }
        }
        return null;
    }
}

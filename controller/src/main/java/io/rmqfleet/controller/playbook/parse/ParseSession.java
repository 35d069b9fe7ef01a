package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.yaml.YamlLoader;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * State shared while parsing one playbook: the module catalog, loaded files (each file is read once, even if
 * imported by many plays) and the chain of files being imported, to report import cycles instead of looping.
 */
final class ParseSession {

    private final ModuleCatalog modules;
    private final SourceFiles sources;
    private final Map<Path, YamlNode> files = new HashMap<>();
    private final Deque<Path> importChain = new ArrayDeque<>();
    private final RoleLoader roles = new RoleLoader(this);

    ParseSession(ModuleCatalog modules, SourceFiles sources) {
        this.modules = modules;
        this.sources = sources;
    }

    SourceFiles sources() {
        return sources;
    }

    ModuleCatalog modules() {
        return modules;
    }

    RoleLoader roles() {
        return roles;
    }

    YamlNode load(Path file) {
        return files.computeIfAbsent(file.normalize(), f -> YamlLoader.load(file.toString(), sources.read(file)));
    }

    /** Resolves {@code written} against {@code dir}; an absent file is an error at {@code at}. */
    Path existing(Path dir, String written, SourceLocation at, String what) {
        Path candidate;
        try {
            candidate = dir.resolve(written).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(at, "invalid " + what + " path '" + written + "'");
        }
        if (!sources.isFile(candidate)) {
            throw new InputException(at, what + " '" + written + "' not found (looked for " + candidate + ")");
        }
        return candidate;
    }

    /** Runs {@code body} with {@code file} on the import chain; an import of a file already on it is a cycle. */
    <T> T importing(Path file, SourceLocation at, java.util.function.Supplier<T> body) {
        Path key = file.toAbsolutePath().normalize();
        if (importChain.contains(key)) {
            throw new InputException(at, "import cycle: " + file + " imports itself (directly or indirectly)");
        }
        if (importChain.size() > 64) {
            throw new InputException(at, "imports nested more than 64 levels deep");
        }
        importChain.push(key);
        try {
            return body.get();
        } finally {
            importChain.pop();
        }
    }
}

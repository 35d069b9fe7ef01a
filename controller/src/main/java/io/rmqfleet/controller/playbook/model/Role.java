package io.rmqfleet.controller.playbook.model;

import java.nio.file.Path;
import java.util.Map;

/**
 * A role directory as loaded from {@code roles/NAME}: its variables (defaults and vars) and its location, which
 * modules use to find {@code templates/} and {@code files/}. Its tasks and handlers are expanded into the play.
 */
public record Role(String name, Path path, Map<String, Object> defaults, Map<String, Object> vars) {

    public Role {
        defaults = ImmutableValues.map(defaults);
        vars = ImmutableValues.map(vars);
    }

    public Path templatesDir() {
        return path.resolve("templates");
    }

    public Path filesDir() {
        return path.resolve("files");
    }
}

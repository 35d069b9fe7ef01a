package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.module.ControllerFiles;
import io.rmqfleet.controller.module.ModuleFailure;

import java.nio.file.Files;
import java.nio.file.Path;

/** Controller files from one directory: {@code files/X} for copy, {@code templates/X} for template. */
public record DirFiles(Path root) implements ControllerFiles {

    @Override
    public Path file(String src) {
        return find(src, "files");
    }

    @Override
    public Path template(String src) {
        return find(src, "templates");
    }

    private Path find(String src, String dir) {
        Path p = Path.of(src).isAbsolute() ? Path.of(src) : root.resolve(dir).resolve(src);
        if (!Files.exists(p)) {
            throw new ModuleFailure("could not find src '" + src + "' (searched " + p + ")");
        }
        return p;
    }
}

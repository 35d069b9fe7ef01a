package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the parser reads playbooks, roles and task files from. {@link #DISK} in production; tests can overlay
 * generated content (the fuzz test feeds thousands of mutated files without writing them).
 */
public interface SourceFiles {

    /** The file's text; a missing or unreadable file is an {@link InputException} naming it. */
    String read(Path file);

    boolean isFile(Path path);

    boolean isDirectory(Path path);

    SourceFiles DISK = new SourceFiles() {
        @Override
        public String read(Path file) {
            return YamlLoader.readText(file);
        }

        @Override
        public boolean isFile(Path path) {
            return Files.isRegularFile(path);
        }

        @Override
        public boolean isDirectory(Path path) {
            return Files.isDirectory(path);
        }
    };
}

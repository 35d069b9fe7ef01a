package io.rmqfleet.controller.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small inventory trees for tests. */
final class TempInventory {
    private final Path root;

    TempInventory(Path root) {
        this.root = root;
    }

    TempInventory file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    Inventory load(String... sources) {
        return Inventory.load(java.util.Arrays.stream(sources).map(root::resolve).toList());
    }
}

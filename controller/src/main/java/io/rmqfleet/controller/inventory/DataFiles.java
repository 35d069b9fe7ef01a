package io.rmqfleet.controller.inventory;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Ansible's DataLoader.load_from_file: JSON first (JSON's number rules), then YAML 1.1. */
final class DataFiles {
    private DataFiles() {
    }

    /** The document, or null when the file holds no document at all. */
    static DataNode load(Path file, Consumer<String> warnings) {
        return parse(TextFiles.readUtf8(file), file.toString(), warnings);
    }

    static DataNode parse(String text, String file, Consumer<String> warnings) {
        var json = JsonReader.tryRead(text, file);
        if (json.isPresent()) {
            return json.get();
        }
        return YamlReader.read(text, file, warnings);
    }
}

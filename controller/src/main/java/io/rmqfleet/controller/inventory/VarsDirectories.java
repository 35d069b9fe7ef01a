package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Ansible's host_group_vars plugin: {@code group_vars/NAME} and {@code host_vars/NAME} beside an inventory source,
 * where NAME is the first of {@code NAME}, {@code NAME.yml}, {@code NAME.yaml}, {@code NAME.json} that exists;
 * a directory contributes all its files (sorted, recursively, hidden and {@code ~} backups skipped, only
 * extensionless or .yml/.yaml/.json files), each merged over the previous one.
 */
final class VarsDirectories {
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final Consumer<String> warnings;
    private final Map<String, Map<String, Object>> cache = new HashMap<>();
    private final Map<Path, Boolean> warnedNotDirectory = new HashMap<>();

    VarsDirectories(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    Map<String, Object> groupVars(Path basedir, String group) {
        return load(basedir, "group_vars", group);
    }

    Map<String, Object> hostVars(Path basedir, String host) {
        return load(basedir, "host_vars", host);
    }

    private Map<String, Object> load(Path basedir, String subdir, String name) {
        if (name.startsWith("/")) {
            return Map.of(); // Ansible skips 'chroot'-style names
        }
        String key = subdir + "\0" + basedir + "\0" + name;
        Map<String, Object> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Path dir = basedir.resolve(subdir);
        if (Files.isDirectory(dir)) {
            for (Path file : findVarsFiles(dir, name)) {
                DataNode node = DataFiles.load(file, warnings);
                if (node == null || !node.isTruthy()) {
                    continue; // empty files are ignored
                }
                if (!(node instanceof DataNode.Mapping map)) {
                    throw new InputException(node.location(), "failed to combine variables, expected dicts but got a 'dict' and a '"
                        + (node instanceof DataNode.Sequence ? "list" : "str") + "': vars files must hold a mapping");
                }
                data.putAll(map.toVars());
            }
        } else if (Files.exists(dir) && warnedNotDirectory.put(dir, Boolean.TRUE) == null) {
            warnings.accept("Found " + subdir + " that is not a directory, skipping: " + dir);
        }
        cache.put(key, data);
        return data;
    }

    private static List<Path> findVarsFiles(Path dir, String name) {
        List<Path> found = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        candidates.add("");
        candidates.addAll(EXTENSIONS);
        for (String ext : candidates) {
            Path path;
            try {
                path = dir.resolve(name + ext);
            } catch (InvalidPathException e) {
                return found;
            }
            if (Files.exists(path)) {
                if (Files.isDirectory(path)) {
                    found.addAll(directoryFiles(path));
                } else {
                    found.add(path);
                }
                break;
            }
        }
        return found;
    }

    private static List<Path> directoryFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = new ArrayList<>(list.toList());
        } catch (IOException e) {
            return found;
        }
        entries.sort((a, b) -> PyStrings.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (fileName.startsWith(".") || fileName.endsWith("~")) {
                continue;
            }
            String ext = PyStrings.extension(fileName);
            if (Files.isDirectory(entry) && ext.isEmpty()) {
                found.addAll(directoryFiles(entry));
            } else if (Files.isRegularFile(entry) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
                found.add(entry);
            }
        }
        return found;
    }
}

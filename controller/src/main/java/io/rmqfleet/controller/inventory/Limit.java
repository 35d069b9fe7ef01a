package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code --limit} subset as Ansible's InventoryManager.subset reads it: the value is split like a host pattern;
 * an {@code @file} part is replaced by the file's lines, each one pattern (e.g. a .retry file).
 */
public final class Limit {
    private final List<String> patterns;

    private Limit(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Reads {@code @file} parts relative to {@code baseDir}. */
    public static Limit parse(String spec, Path baseDir) {
        List<String> patterns = new ArrayList<>();
        for (String part : HostSelector.splitPattern(spec)) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.charAt(0) == '@') {
                Path file = baseDir.resolve(part.substring(1));
                if (!Files.exists(file)) {
                    throw new InputException(SourceLocation.commandLine("--limit"), "Unable to find limit file " + file);
                }
                if (!Files.isRegularFile(file)) {
                    throw new InputException(SourceLocation.commandLine("--limit"),
                        "Limit starting with \"@\" must be a file, not a directory: " + file);
                }
                try {
                    for (String line : Files.readString(file).split("\n", -1)) {
                        patterns.add(PyStrings.strip(line));
                    }
                } catch (IOException e) {
                    throw new InputException(SourceLocation.commandLine("--limit"), "cannot read limit file " + file + ": " + e.getMessage());
                }
            } else {
                patterns.add(part);
            }
        }
        return new Limit(patterns);
    }

    public static Limit parse(String spec) {
        return parse(spec, Path.of("").toAbsolutePath());
    }

    /** The single patterns, in order; empty strings (blank lines of a limit file) are ignored when applied. */
    public List<String> patterns() {
        return patterns;
    }
}

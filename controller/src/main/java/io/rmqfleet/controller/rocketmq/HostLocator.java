package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the line where a host is declared in its inventory file (INI {@code a1 ansible_host=...} or YAML
 * {@code a1:}), so layout errors point at it. The inventory keeps only the file per host, not the line; when the
 * line cannot be found the location is the file, and without a file it names the host.
 */
final class HostLocator {
    private final Map<String, List<String>> linesByFile = new HashMap<>();

    SourceLocation locate(Host host) {
        String file = host.inventoryFile();
        if (file == null) {
            return SourceLocation.commandLine("host " + host.name());
        }
        List<String> lines = linesByFile.computeIfAbsent(file, HostLocator::read);
        Pattern declaration = Pattern.compile("^\\s*(?:-\\s*)?[\"']?" + Pattern.quote(host.name()) + "[\"']?(?:\\s|:|=|$)");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("#") || trimmed.startsWith(";") || trimmed.startsWith("[")) {
                continue;
            }
            if (declaration.matcher(line).find()) {
                return new SourceLocation(file, i + 1, 0);
            }
        }
        return new SourceLocation(file + " (host " + host.name() + ")", 0, 0);
    }

    private static List<String> read(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}

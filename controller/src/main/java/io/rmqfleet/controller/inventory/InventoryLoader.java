package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads inventory sources in order into one {@link InventoryBuilder}, like Ansible's InventoryManager.parse_sources:
 * a directory contributes its files (sorted, recursively, minus Ansible's ignored names and extensions); a file is
 * tried as YAML/JSON first when its extension allows (none, .yml, .yaml, .json), then as INI; a source containing a
 * comma that is not a path is a host list ({@code "h1,h2:2222,"}).
 */
final class InventoryLoader {
    /** Ansible's IGNORED: hidden files, vars dirs, and INVENTORY_IGNORE_EXTS (REJECT_EXTS + .orig .ini .cfg .retry). */
    private static final Pattern IGNORED = Pattern.compile(
        "^\\.|^host_vars$|^group_vars$|^vars_plugins$"
            + "|\\.pyc$|\\.pyo$|\\.swp$|\\.bak$|~$|\\.rpm$|\\.md$|\\.txt$|\\.rst$|\\.orig$|\\.ini$|\\.cfg$|\\.retry$");
    private static final List<String> YAML_EXTENSIONS = List.of("", ".yml", ".yaml", ".json");
    private static final Pattern YAML_LOOKING_LINE = Pattern.compile("^(---|[^\\s\\[#;=][^=]*:(\\s.*)?)$");

    private final InventoryBuilder inventory;

    InventoryLoader(InventoryBuilder inventory) {
        this.inventory = inventory;
    }

    /** Where group_vars/ and host_vars/ are looked up for this source, or null for a host list. */
    static Path varsBasedir(String source) {
        if (isHostList(source)) {
            return null;
        }
        Path path = absolute(source);
        return Files.isDirectory(path) ? path : path.getParent();
    }

    static boolean isHostList(String source) {
        return source.contains(",") && !Files.exists(absolute(source));
    }

    static Path absolute(String source) {
        String expanded = source;
        if (expanded.equals("~") || expanded.startsWith("~/")) {
            expanded = System.getProperty("user.home") + expanded.substring(1);
        }
        return Path.of(expanded).toAbsolutePath().normalize();
    }

    void loadSource(String source) {
        if (isHostList(source)) {
            loadHostList(source);
            return;
        }
        Path path = absolute(source);
        if (Files.isDirectory(path)) {
            loadDirectory(path);
        } else if (Files.isRegularFile(path)) {
            loadFile(path);
        } else {
            throw new InputException(new SourceLocation(source, 0, 0), "inventory source not found (no such file or directory)");
        }
    }

    private void loadDirectory(Path dir) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = new ArrayList<>(list.toList());
        } catch (IOException e) {
            throw new InputException(new SourceLocation(dir.toString(), 0, 0), "cannot list inventory directory: " + e.getMessage());
        }
        entries.sort((a, b) -> PyStrings.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path entry : entries) {
            if (IGNORED.matcher(entry.getFileName().toString()).find()) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                loadDirectory(entry);
            } else if (Files.isRegularFile(entry)) {
                loadFile(entry);
            }
        }
    }

    private void loadFile(Path file) {
        String name = file.toString();
        inventory.currentSource = name;
        try {
            byte[] head = TextFiles.readBytes(file);
            if (head.length > 2 && head[0] == '#' && head[1] == '!' && Files.isExecutable(file)) {
                throw new InputException(new SourceLocation(name, 1, 1),
                    "executable inventory scripts are not supported (rmqfleet reads INI, YAML and JSON inventories)");
            }
            String ext = PyStrings.extension(file.getFileName().toString());
            InputException yamlError = null;
            boolean yamlShaped = false;
            if (YAML_EXTENSIONS.contains(ext)) {
                try {
                    DataNode data = DataFiles.load(file, inventory.warnings);
                    yamlShaped = data instanceof DataNode.Mapping;
                    YamlInventoryParser.parse(inventory, data, name);
                    return;
                } catch (InputException e) {
                    yamlError = e;
                }
            }
            try {
                IniInventoryParser.parse(inventory, name, PyStrings.splitLines(TextFiles.readLenient(file)));
            } catch (InputException iniError) {
                throw yamlError != null && (!ext.isEmpty() || yamlShaped || looksLikeYaml(file)) ? yamlError : iniError;
            }
        } finally {
            inventory.currentSource = null;
        }
    }

    /** For an extensionless file both formats failed: report the YAML error if the file reads like YAML. */
    private static boolean looksLikeYaml(Path file) {
        for (String line : PyStrings.splitLines(TextFiles.readLenient(file))) {
            String stripped = PyStrings.strip(line);
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            return YAML_LOOKING_LINE.matcher(stripped).matches();
        }
        return false;
    }

    /** Ansible's host_list plugin. */
    private void loadHostList(String hostList) {
        inventory.currentSource = null;
        for (String part : hostList.split(",", -1)) {
            String h = PyStrings.strip(part);
            if (h.isEmpty()) {
                continue;
            }
            String host = h;
            Integer port = null;
            var address = HostAddress.parse(h, false);
            if (address.isPresent()) {
                host = address.get().host();
                port = address.get().port();
            }
            if (!inventory.hosts.containsKey(host)) {
                inventory.addHost(host, "ungrouped", port);
            }
        }
    }
}

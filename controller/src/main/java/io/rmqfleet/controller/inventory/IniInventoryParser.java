package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory dialect (plugins/inventory/ini.py), rule for rule: hosts before any section are
 * {@code ungrouped}; {@code [g]}/{@code [g:hosts]} list hosts with inline {@code k=v} (shlex-split, values typed
 * as Python literals); {@code [g:vars]} take one {@code k=v} per line (also literal-typed, no comment stripping);
 * {@code [g:children]} may name groups declared later; a {@code [g:vars]} for a group never declared is an error.
 */
final class IniInventoryParser {
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.UNIX_LINES;
    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?$", FLAGS);
    private static final Pattern GROUP_NAME = Pattern.compile("^([^:\\]\\s]+)\\s*(?:#.*)?$", FLAGS);

    private final InventoryBuilder inventory;
    private final String file;
    private int lineNo;

    /** A group named in [g:children] or [g:vars] before it was declared. */
    private static final class Pending {
        final int line;
        final String state;
        final List<String> parents = new ArrayList<>();

        Pending(int line, String state) {
            this.line = line;
            this.state = state;
        }
    }

    private IniInventoryParser(InventoryBuilder inventory, String file) {
        this.inventory = inventory;
        this.file = file;
    }

    static void parse(InventoryBuilder inventory, String file, List<String> lines) {
        new IniInventoryParser(inventory, file).parse(lines);
    }

    private void parse(List<String> lines) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        String group = "ungrouped";
        String state = "hosts";
        lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = PyStrings.strip(raw);
            int column = 1;
            while (column <= raw.length() && PyStrings.isSpace(raw.charAt(column - 1))) {
                column++;
            }
            if (line.isEmpty() || line.charAt(0) == ';' || line.charAt(0) == '#') {
                continue;
            }
            if (TextFiles.hasEscapedByte(line)) {
                throw error(column, "invalid UTF-8 in line: " + line.replaceAll("[\\udc80-\\udcff]", "?"));
            }
            Matcher section = SECTION.matcher(line);
            if (section.find()) {
                group = section.group(1);
                state = section.group(2) == null ? "hosts" : section.group(2);
                if (!state.equals("hosts") && !state.equals("children") && !state.equals("vars")) {
                    throw error(column, "Section [" + group + ":" + state + "] has unknown type: " + state);
                }
                if (!inventory.groups.containsKey(group)) {
                    if (state.equals("vars") && !pending.containsKey(group)) {
                        pending.put(group, new Pending(lineNo, "vars"));
                    }
                    inventory.addGroup(group);
                }
                Pending waiting = pending.get(group);
                if (waiting != null && !state.equals("vars")) {
                    if (waiting.state.equals("children")) {
                        addPendingChildren(group, pending, column);
                    } else {
                        pending.remove(group);
                    }
                }
                continue;
            } else if (line.startsWith("[") && line.endsWith("]")) {
                throw error(column, "Invalid section entry: '" + line + "'. Please make sure that there are no spaces "
                    + "in the section entry, and that there are no other invalid characters");
            }
            switch (state) {
                case "hosts" -> hostLine(line, group, column);
                case "vars" -> varLine(line, group, column);
                default -> childLine(line, group, pending, column);
            }
        }
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            lineNo = p.line;
            if (p.state.equals("vars")) {
                throw error(1, "Section [" + e.getKey() + ":vars] not valid for undefined group: " + e.getKey());
            }
            throw error(1, "Section [" + p.parents.get(p.parents.size() - 1) + ":children] includes undefined group: "
                + e.getKey());
        }
    }

    private void addPendingChildren(String group, Map<String, Pending> pending, int column) {
        for (String parent : pending.get(group).parents) {
            addChild(parent, group, column);
            Pending parentPending = pending.get(parent);
            if (parentPending != null && parentPending.state.equals("children")) {
                addPendingChildren(parent, pending, column);
            }
        }
        pending.remove(group);
    }

    private void childLine(String line, String group, Map<String, Pending> pending, int column) {
        Matcher m = GROUP_NAME.matcher(line);
        if (!m.find()) {
            throw error(column, "Expected group name, got: " + line);
        }
        String child = m.group(1);
        if (!inventory.groups.containsKey(child)) {
            pending.computeIfAbsent(child, c -> new Pending(lineNo, "children")).parents.add(group);
        } else {
            addChild(group, child, column);
        }
    }

    private void addChild(String parent, String child, int column) {
        try {
            inventory.addChild(parent, child);
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    private void varLine(String line, String group, int column) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw error(column, "Expected key=value, got: " + line);
        }
        String key = PyStrings.strip(line.substring(0, eq));
        Object value = parseValue(PyStrings.strip(line.substring(eq + 1)), column + eq + 1);
        try {
            inventory.setGroupVariable(group, key, value);
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    private void hostLine(String line, String group, int column) {
        List<String> tokens;
        try {
            tokens = PosixShlex.split(line);
        } catch (IllegalArgumentException e) {
            throw error(column, "Error parsing host definition '" + line + "': " + e.getMessage());
        }
        if (tokens.isEmpty()) {
            throw error(column, "Error parsing host definition '" + line + "': no host name");
        }
        String hostPattern = tokens.get(0);
        HostPatternExpander.Expansion expansion;
        try {
            expansion = HostPatternExpander.expand(hostPattern);
        } catch (IllegalArgumentException e) {
            throw error(column, "Invalid host pattern '" + hostPattern + "': " + e.getMessage());
        }
        if (PyStrings.strip(hostPattern).endsWith(":") && expansion.port() == null) {
            throw error(column, "Invalid host pattern '" + hostPattern + "' supplied, ending in ':' is not allowed, "
                + "this character is reserved to provide a port.");
        }
        for (String name : expansion.hostNames()) {
            if (PyStrings.strip(name).equals("---")) {
                throw error(column, "Invalid host pattern '" + hostPattern + "' supplied, '---' is normally a sign this is a YAML file.");
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String token : tokens.subList(1, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq < 0) {
                int at = line.indexOf(token);
                throw error(at >= 0 ? column + at : column, "Expected key=value host variable assignment, got: " + token);
            }
            variables.put(token.substring(0, eq), parseValue(token.substring(eq + 1), column));
        }
        try {
            for (String name : expansion.hostNames()) {
                inventory.addHost(name, group, expansion.port());
                variables.forEach((k, v) -> inventory.setHostVariable(name, k, v));
            }
        } catch (IllegalArgumentException e) {
            throw error(column, e.getMessage());
        }
    }

    private Object parseValue(String text, int column) {
        try {
            return PythonLiteral.parseValue(text);
        } catch (IllegalArgumentException e) {
            throw error(column, "cannot use value '" + text + "': " + e.getMessage());
        }
    }

    private InputException error(int column, String message) {
        return new InputException(new SourceLocation(file, lineNo, Math.max(1, column)), message);
    }
}

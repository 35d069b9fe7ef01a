package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.yaml.YamlList;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Typed reads of keyword values; a value of the wrong shape is an error at that value's location. */
final class Fields {

    private Fields() {
    }

    static InputException error(YamlNode at, String message) {
        return new InputException(at.location(), message);
    }

    static YamlMap map(YamlNode node, String what) {
        if (node instanceof YamlMap m) {
            return m;
        }
        throw error(node, what + " must be a mapping, not " + node.describe());
    }

    static YamlList list(YamlNode node, String what) {
        if (node instanceof YamlList l) {
            return l;
        }
        throw error(node, what + " must be a list, not " + node.describe());
    }

    /** A mapping, or nothing at all ({@code vars:} with no value). */
    static Map<String, Object> varsMap(YamlNode node, String what) {
        if (node instanceof YamlScalar s && s.isNull()) {
            return Map.of();
        }
        YamlMap m = map(node, what);
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlMap.Entry e : m.entries()) {
            out.put(e.name(), e.value().toPlain());
        }
        return out;
    }

    /** A variable-name-keyed mapping: names must be valid identifiers, as Ansible requires. */
    static Map<String, Object> variables(YamlNode node, String what) {
        Map<String, Object> vars = varsMap(node, what);
        if (node instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                if (!isIdentifier(e.name())) {
                    throw error(e.key(), "invalid variable name '" + e.name() + "' in " + what
                        + " (letters, digits and underscores, not starting with a digit)");
                }
            }
        }
        return vars;
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    /** A non-empty string; numbers and booleans are accepted as their text (YAML typed them, the user did not). */
    static String string(YamlNode node, String what) {
        if (node instanceof YamlScalar s && !s.isNull()) {
            String text = s.value() instanceof Boolean b ? (b ? "True" : "False") : s.text();
            return text;
        }
        throw error(node, what + " must be a string, not " + node.describe());
    }

    static String optionalString(YamlNode node, String what) {
        if (node == null || (node instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        return string(node, what);
    }

    /** A boolean; like Ansible also the strings yes/no/true/false/on/off/1/0. */
    static boolean bool(YamlNode node, String what) {
        if (node instanceof YamlScalar s) {
            Object v = s.value();
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof Integer i && (i == 0 || i == 1)) {
                return i == 1;
            }
            if (v instanceof String text) {
                switch (text.trim().toLowerCase(Locale.ROOT)) {
                    case "yes", "true", "on", "1", "y" -> {
                        return true;
                    }
                    case "no", "false", "off", "0", "n" -> {
                        return false;
                    }
                    default -> {
                        if (text.contains("{{")) {
                            throw error(node, what + " must be a plain boolean here, templates are not supported");
                        }
                    }
                }
            }
        }
        throw error(node, what + " must be a boolean (true/false), not " + node.describe());
    }

    /** A string or a list of strings ({@code notify}, {@code listen}). */
    static List<String> stringList(YamlNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlScalar s && s.isNull()) {
            return out;
        }
        if (node instanceof YamlList l) {
            for (YamlNode item : l.items()) {
                out.add(string(item, what + " entry"));
            }
            return out;
        }
        out.add(string(node, what));
        return out;
    }

    /**
     * Conditions ({@code when}, {@code changed_when}, {@code failed_when}, {@code until}): a bare expression, a
     * boolean, or a list of them (all must hold). A condition wrapped in {@code {{ }}} is unwrapped, as Ansible
     * tolerates it with a warning.
     */
    static List<String> conditions(YamlNode node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlList l) {
            for (YamlNode item : l.items()) {
                out.add(condition(item, what));
            }
        } else {
            out.add(condition(node, what));
        }
        return out;
    }

    private static String condition(YamlNode node, String what) {
        if (node instanceof YamlScalar s && !s.isNull()) {
            Object v = s.value();
            if (v instanceof Boolean b) {
                return b ? "True" : "False";
            }
            String text = s.text().trim();
            if (text.isEmpty()) {
                throw error(node, what + " must not be empty");
            }
            if (text.startsWith("{{") && text.endsWith("}}") && text.indexOf("{{", 2) < 0) {
                text = text.substring(2, text.length() - 2).trim();
            }
            return text;
        }
        throw error(node, what + " must be an expression or a list of expressions, not " + node.describe());
    }

    /** Tags: a string (comma separated allowed), a number, or a list of those. */
    static Set<String> tags(YamlNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (node instanceof YamlScalar s && s.isNull()) {
            return out;
        }
        List<YamlNode> items = node instanceof YamlList l ? l.items() : List.of(node);
        for (YamlNode item : items) {
            if (!(item instanceof YamlScalar s) || s.isNull()) {
                throw error(item, "tags must be a string or a list of strings, not " + item.describe());
            }
            for (String part : s.text().split(",")) {
                String tag = part.trim();
                if (!tag.isEmpty()) {
                    out.add(tag);
                }
            }
        }
        return out;
    }

    /** An integer or a template string (resolved at run time). */
    static Object intOrTemplate(YamlNode node, String what) {
        if (node instanceof YamlScalar s) {
            Object v = s.value();
            if (v instanceof Integer || v instanceof Long) {
                long n = ((Number) v).longValue();
                if (n < 0 || n > Integer.MAX_VALUE) {
                    throw error(node, what + " must be a non-negative integer");
                }
                return (int) n;
            }
            if (v instanceof String text) {
                if (text.contains("{{")) {
                    return text;
                }
                try {
                    int n = Integer.parseInt(text.trim());
                    if (n >= 0) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        throw error(node, what + " must be a non-negative integer or a template, not " + node.describe()
            + (node instanceof YamlScalar s && s.text() != null ? " '" + s.text() + "'" : ""));
    }
}

package io.rmqfleet.controller.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task's arguments after templating, with typed getters. Every getter names the argument in its error, so the
 * operator reads {@code missing required argument 'dest'} rather than a NullPointerException.
 *
 * <p>Values are as YAML and templating produce them: strings, numbers, booleans, lists and maps. Getters are
 * lenient the way Ansible is: {@code "yes"} is a boolean, {@code "30"} is an integer.
 */
public final class ModuleArgs {
    private static final Set<String> TRUE_WORDS = Set.of("yes", "on", "true", "1", "y", "t");
    private static final Set<String> FALSE_WORDS = Set.of("no", "off", "false", "0", "n", "f");

    private final Map<String, Object> values;

    private ModuleArgs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ModuleArgs of(Map<String, ?> values) {
        return new ModuleArgs(values == null ? Map.of() : new LinkedHashMap<>(values));
    }

    public static ModuleArgs empty() {
        return of(Map.of());
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** True when the argument is given and not null. */
    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public String string(String name) {
        return optString(name).orElseThrow(() -> missing(name));
    }

    public String string(String name, String defaultValue) {
        return optString(name).orElse(defaultValue);
    }

    public Optional<String> optString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw new ModuleArgumentException("argument '" + name + "' must be a string, got a " + kind(v));
        }
        return Optional.of(v.toString());
    }

    public boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.intValue() == 0 || n.intValue() == 1) && n.doubleValue() == n.intValue()) {
            return n.intValue() == 1;
        }
        String word = v.toString().trim().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw new ModuleArgumentException("argument '" + name + "' must be a boolean (true/false, yes/no), got '" + v + "'");
    }

    public int integer(String name, int defaultValue) {
        return optInteger(name).orElse(defaultValue);
    }

    public Optional<Integer> optInteger(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new ModuleArgumentException("argument '" + name + "' must be a whole number, got " + v);
            }
            return Optional.of(n.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(v.toString().trim()));
        } catch (NumberFormatException e) {
            throw new ModuleArgumentException("argument '" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    /** The argument, which must be one of {@code allowed}; {@code defaultValue} when it is not given. */
    public String choice(String name, String defaultValue, String... allowed) {
        Optional<String> given = optString(name);
        if (given.isEmpty()) {
            return defaultValue;
        }
        String value = given.get();
        if (!Arrays.asList(allowed).contains(value)) {
            throw new ModuleArgumentException("argument '" + name + "' must be one of: " + String.join(", ", allowed)
                    + "; got '" + value + "'");
        }
        return value;
    }

    /** A list of strings; a single string counts as a list of one. Empty when not given. */
    public List<String> stringList(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (item == null || item instanceof Map || item instanceof List) {
                    throw new ModuleArgumentException("argument '" + name + "' must be a list of strings, found "
                            + (item == null ? "null" : "a " + kind(item)) + " in it");
                }
                out.add(item.toString());
            }
            return out;
        }
        if (v instanceof Map) {
            throw new ModuleArgumentException("argument '" + name + "' must be a list, got a mapping");
        }
        return List.of(v.toString());
    }

    /** A mapping with string keys; empty when not given. Values keep their YAML types. */
    public Map<String, Object> map(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ModuleArgumentException("argument '" + name + "' must be a mapping, got a " + kind(v));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    /**
     * A file mode: a string is read as octal ({@code "0644"}, {@code "644"}), a number is taken as-is (YAML reads an
     * unquoted {@code 0644} as the octal number 420), like Ansible.
     */
    public Optional<Integer> mode(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        int mode;
        if (v instanceof Number n) {
            mode = n.intValue();
        } else {
            String text = v.toString().trim();
            if (text.startsWith("0o")) {
                text = text.substring(2);
            }
            if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '7')) {
                throw new ModuleArgumentException("argument '" + name + "' must be an octal mode like '0644', got '" + v + "'");
            }
            mode = Integer.parseInt(text, 8);
        }
        if (mode < 0 || mode > 07777) {
            throw new ModuleArgumentException("argument '" + name + "' is not a valid file mode: " + v
                    + " (quote octal modes: mode: '0644')");
        }
        return Optional.of(mode);
    }

    private static ModuleArgumentException missing(String name) {
        return new ModuleArgumentException("missing required argument '" + name + "'");
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "mapping";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Number) {
            return "number";
        }
        return "string";
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}

package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.inventory.PythonRepr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Typed access to one host's merged variables. A value of the wrong type becomes a {@link LayoutProblem} (and
 * the default is returned) so that one pass finds every mistake instead of stopping at the first.
 */
final class HostVarReader {
    private final String host;
    private final Map<String, Object> vars;
    private final SourceLocation where;
    private final Collection<LayoutProblem> problems;
    private int found;

    HostVarReader(String host, Map<String, Object> vars, SourceLocation where, Collection<LayoutProblem> problems) {
        this.host = host;
        this.vars = vars;
        this.where = where;
        this.problems = problems;
    }

    SourceLocation where() {
        return where;
    }

    /** True once a variable of this host could not be read. */
    boolean hasProblems() {
        return found > 0;
    }

    void problem(String message) {
        found++;
        problems.add(new LayoutProblem(where, "host " + host + ": " + message));
    }

    boolean isSet(String name) {
        return vars.get(name) != null;
    }

    Optional<String> text(String name) {
        Object value = vars.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problem(name + " must be a single value, got " + PythonRepr.repr(value));
            return Optional.empty();
        }
        String text = PythonRepr.str(value).trim();
        if (text.contains("{{") || text.contains("{%")) {
            problem(name + " is a template (" + text + "): rmqfleet reads cluster variables literally, write the value");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    String text(String name, String fallback) {
        return text(name).orElse(fallback);
    }

    /** A required, non-empty text value. */
    Optional<String> requiredText(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty() && !isSet(name)) {
            problem(name + " is not set");
        } else if (value.isPresent() && value.get().isEmpty()) {
            problem(name + " is empty");
            return Optional.empty();
        }
        return value;
    }

    long integer(String name, long fallback, long min, long max) {
        Object value = vars.get(name);
        if (value == null) {
            return fallback;
        }
        Long parsed = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            parsed = ((Number) value).longValue();
        } else if (!(value instanceof Boolean) && !(value instanceof Number)) {
            Optional<String> text = text(name);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                parsed = Long.parseLong(text.get());
            } catch (NumberFormatException e) {
                parsed = null;
            }
        }
        if (parsed == null) {
            problem(name + " must be a whole number, got " + PythonRepr.repr(value));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problem(name + " must be between " + min + " and " + max + ", got " + parsed);
            return fallback;
        }
        return parsed;
    }

    /** A required whole number. */
    Optional<Long> requiredInteger(String name, long min, long max) {
        if (!isSet(name)) {
            problem(name + " is not set");
            return Optional.empty();
        }
        int before = found;
        long value = integer(name, Long.MIN_VALUE, min, max);
        return found > before ? Optional.empty() : Optional.of(value);
    }

    int port(String name, int fallback) {
        return (int) integer(name, fallback, 1, 65535);
    }

    <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text.get())) {
                return Optional.of(constant);
            }
        }
        problem(name + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
            .collect(Collectors.joining(", ")) + ", got '" + text.get() + "'");
        return Optional.empty();
    }

    /** A YAML list, or one comma/space-separated string (what an INI inventory can express). */
    List<String> list(String name) {
        Object value = vars.get(name);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    items.add(PythonRepr.str(item).trim());
                }
            }
        } else {
            text(name).ifPresent(text -> {
                for (String item : text.split("[,\\s]+")) {
                    if (!item.isEmpty()) {
                        items.add(item);
                    }
                }
            });
        }
        return items;
    }
}

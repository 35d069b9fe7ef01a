package io.rmqfleet.controller.playbook.template.filters;

import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Undefined;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Small helpers shared by filters: iterating like Python, reading dotted attributes. */
final class Values {

    private Values() {
    }

    /** Python iteration: lists, map keys, characters of a string. */
    static List<Object> iterate(Object value, String filter) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (value instanceof String s) {
            List<Object> chars = new ArrayList<>();
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (value instanceof Object[] a) {
            return new ArrayList<>(List.of(a));
        }
        if (value instanceof Undefined) {
            return new ArrayList<>();
        }
        throw new TemplateError(filter + ": expected a list, got " + typeName(value), null);
    }

    /** {@code attribute='a.b.0'}: keys of maps, indexes of lists; {@link #MISSING} when absent. */
    static Object attribute(Object item, String path) {
        Object current = item;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                if (m.containsKey(part)) {
                    current = m.get(part);
                    continue;
                }
                return MISSING;
            }
            if (current instanceof List<?> l) {
                try {
                    int i = Integer.parseInt(part);
                    if (i >= 0 && i < l.size()) {
                        current = l.get(i);
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // not an index
                }
            }
            return MISSING;
        }
        return current;
    }

    static final Object MISSING = new Object();

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Collection) {
            return "list";
        }
        if (v instanceof Undefined) {
            return "Undefined";
        }
        return v.getClass().getSimpleName();
    }

    /** Python-like ordering for sort/min/max: numbers numerically, strings (optionally case-folded). */
    static int compare(Object a, Object b, boolean caseSensitive) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return caseSensitive ? x.compareTo(y) : x.toLowerCase(java.util.Locale.ROOT)
                .compareTo(y.toLowerCase(java.util.Locale.ROOT));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i), caseSensitive);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw new TemplateError("'<' not supported between instances of '" + typeName(a) + "' and '"
            + typeName(b) + "'", null);
    }
}

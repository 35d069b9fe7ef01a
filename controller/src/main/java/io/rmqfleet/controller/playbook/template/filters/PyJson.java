package io.rmqfleet.controller.playbook.template.filters;

import io.rmqfleet.controller.playbook.template.PyStr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's {@code json.dumps}, byte for byte for the options Ansible's to_json/to_nice_json use. */
final class PyJson {

    private PyJson() {
    }

    /**
     * @param indent null for one line ({@code ", "} and {@code ": "} separators), else spaces per level
     */
    static String dumps(Object value, Integer indent, boolean sortKeys, boolean ensureAscii) {
        StringBuilder out = new StringBuilder();
        write(value, indent, sortKeys, ensureAscii, 0, out);
        return out.toString();
    }

    private static void write(Object v, Integer indent, boolean sort, boolean ascii, int level, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v instanceof Double d) {
            out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity")
                : PyStr.repr(d));
        } else if (v instanceof Number n) {
            out.append(n);
        } else if (v instanceof String s) {
            string(s, ascii, out);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append("{}");
                return;
            }
            List<Map.Entry<String, Object>> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                entries.add(Map.entry(key(e.getKey()), e.getValue() == null ? NULL : e.getValue()));
            }
            if (sort) {
                entries.sort(Map.Entry.comparingByKey());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : entries) {
                separator(first, indent, level + 1, out);
                first = false;
                string(e.getKey(), ascii, out);
                out.append(": ");
                write(e.getValue() == NULL ? null : e.getValue(), indent, sort, ascii, level + 1, out);
            }
            close(indent, level, out);
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                separator(first, indent, level + 1, out);
                first = false;
                write(item, indent, sort, ascii, level + 1, out);
            }
            close(indent, level, out);
            out.append(']');
        } else {
            string(PyStr.str(v), ascii, out);
        }
    }

    private static final Object NULL = new Object();

    /** JSON keys: Python converts True/None/numbers to their JSON text. */
    private static String key(Object k) {
        if (k == null) {
            return "null";
        }
        if (k instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (k instanceof Double d) {
            return PyStr.repr(d);
        }
        return String.valueOf(k);
    }

    private static void separator(boolean first, Integer indent, int level, StringBuilder out) {
        if (indent == null) {
            if (!first) {
                out.append(", ");
            }
            return;
        }
        if (!first) {
            out.append(',');
        }
        out.append('\n').append(" ".repeat(indent * level));
    }

    private static void close(Integer indent, int level, StringBuilder out) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    static void string(String s, boolean ascii, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ascii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

package io.rmqfleet.controller.inventory;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes values exactly like Ansible's {@code json.dumps(..., sort_keys=True, indent=4, ensure_ascii=False)}, so
 * {@code rmqfleet inventory --list} prints the same text as {@code ansible-inventory --list}.
 */
public final class PythonJson {
    private PythonJson() {
    }

    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double d) {
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                : PythonRepr.floatRepr(d));
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof UnsafeText unsafe) {
            write(out, Map.of("__ansible_unsafe", unsafe.text()), depth);
        } else if (value instanceof CharSequence text) {
            writeString(out, text.toString());
        } else if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            writeString(out, PythonRepr.isoFormat(value, 'T'));
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            writeList(out, list, depth);
        } else {
            writeString(out, value.toString());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        // Python converts non-string keys (1, True, None, 1.5) to JSON strings; sort on that text.
        Map<String, Object> byText = new java.util.TreeMap<>(PyStrings::compare);
        map.forEach((k, v) -> byText.put(DataNode.jsonKey(k), v));
        List<String> keys = new ArrayList<>(byText.keySet());
        out.append("{\n");
        for (int i = 0; i < keys.size(); i++) {
            indent(out, depth + 1);
            writeString(out, keys.get(i));
            out.append(": ");
            write(out, byText.get(keys.get(i)), depth + 1);
            out.append(i + 1 < keys.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append('}');
    }

    private static void writeList(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        int i = 0;
        for (Object item : list) {
            indent(out, depth + 1);
            write(out, item, depth + 1);
            out.append(++i < list.size() ? ",\n" : "\n");
        }
        indent(out, depth);
        out.append(']');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("    ".repeat(depth));
    }

    private static void writeString(StringBuilder out, String s) {
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
                    if (c < 0x20) {
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

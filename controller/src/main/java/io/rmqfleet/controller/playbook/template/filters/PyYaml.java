package io.rmqfleet.controller.playbook.template.filters;

import io.rmqfleet.controller.playbook.template.PyStr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PyYAML's {@code yaml.dump} as Ansible's {@code to_yaml} (flow style for collections of scalars, indent 2) and
 * {@code to_nice_yaml} (block style, indent 4) call it: sorted keys, YAML 1.1 quoting (a string that would read
 * back as a bool, number, null or date is quoted). Long lines are not folded at 80 columns as PyYAML does; the
 * YAML means the same.
 */
final class PyYaml {

    private static final Pattern BOOL = Pattern.compile(
        "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
        "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    private final boolean flowLeaves;
    private final int indent;

    private PyYaml(boolean flowLeaves, int indent) {
        this.flowLeaves = flowLeaves;
        this.indent = indent;
    }

    static String dump(Object value, boolean flowLeaves, int indent) {
        return new PyYaml(flowLeaves, indent).document(value);
    }

    private String document(Object value) {
        if (isScalar(value)) {
            // PyYAML would end a plain root scalar with "...", Ansible's dumper does not.
            return scalar(value, false) + "\n";
        }
        if (isFlow(value)) {
            return flow(value) + "\n";
        }
        StringBuilder out = new StringBuilder();
        block(value, 0, out);
        return out.toString();
    }

    private static boolean isScalar(Object v) {
        return !(v instanceof Map) && !(v instanceof Collection);
    }

    /** Empty collections always, collections of scalars with default_flow_style=None. */
    private boolean isFlow(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.isEmpty() || (flowLeaves && m.values().stream().allMatch(PyYaml::isScalar));
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() || (flowLeaves && c.stream().allMatch(PyYaml::isScalar));
        }
        return false;
    }

    private void block(Object value, int column, StringBuilder out) {
        if (value instanceof Map<?, ?> m) {
            boolean first = true;
            for (Map.Entry<Object, Object> e : sorted(m)) {
                if (!first) {
                    out.append(" ".repeat(column));
                }
                first = false;
                out.append(scalar(e.getKey(), false)).append(':');
                value(e.getValue(), column, true, out);
            }
        } else {
            boolean first = true;
            for (Object item : (Collection<?>) value) {
                if (!first) {
                    out.append(" ".repeat(column));
                }
                first = false;
                if (isScalar(item) || isFlow(item)) {
                    out.append("- ").append(isScalar(item) ? scalar(item, false) : flow(item)).append('\n');
                } else {
                    out.append('-').append(" ".repeat(indent - 1));
                    block(item, column + indent, out);
                }
            }
        }
    }

    /** The value after {@code key:}. Sequences under a key are not indented (PyYAML's indentless style). */
    private void value(Object v, int column, boolean underKey, StringBuilder out) {
        if (isScalar(v)) {
            out.append(' ').append(scalar(v, false)).append('\n');
        } else if (isFlow(v)) {
            out.append(' ').append(flow(v)).append('\n');
        } else {
            out.append('\n');
            int child = v instanceof Map ? column + indent : column;
            out.append(" ".repeat(child));
            block(v, child, out);
        }
    }

    private String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Object, Object> e : sorted(m)) {
                parts.add(scalar(e.getKey(), true) + ": " + (isScalar(e.getValue()) ? scalar(e.getValue(), true)
                    : flow(e.getValue())));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        List<String> parts = new ArrayList<>();
        for (Object item : (Collection<?>) v) {
            parts.add(isScalar(item) ? scalar(item, true) : flow(item));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    @SuppressWarnings("unchecked")
    private static List<Map.Entry<Object, Object>> sorted(Map<?, ?> m) {
        List<Map.Entry<Object, Object>> entries = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            entries.add((Map.Entry<Object, Object>) e);
        }
        entries.sort((a, b) -> {
            Object x = a.getKey();
            Object y = b.getKey();
            if (x instanceof Number p && y instanceof Number q) {
                return Double.compare(p.doubleValue(), q.doubleValue());
            }
            return String.valueOf(x).compareTo(String.valueOf(y));
        });
        return entries;
    }

    static String scalar(Object v, boolean flowContext) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return ".nan";
            }
            if (d.isInfinite()) {
                return d > 0 ? ".inf" : "-.inf";
            }
            String r = PyStr.repr(d).toLowerCase(java.util.Locale.ROOT);
            return !r.contains(".") && r.contains("e") ? r.replaceFirst("e", ".0e") : r;
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        String s = v instanceof String str ? str : PyStr.str(v);
        if (plainAllowed(s, flowContext)) {
            return s;
        }
        if (needsDoubleQuotes(s)) {
            return doubleQuoted(s);
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean resolvesToOtherType(String s) {
        return BOOL.matcher(s).matches() || FLOAT.matcher(s).matches() || INT.matcher(s).matches()
            || NULL.matcher(s).matches() || TIMESTAMP.matcher(s).matches() || s.equals("<<") || s.equals("=");
    }

    static boolean plainAllowed(String s, boolean flowContext) {
        if (s.isEmpty() || resolvesToOtherType(s) || s.startsWith("---") || s.startsWith("...")) {
            return false;
        }
        if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))) {
            return false;
        }
        boolean flowIndicators = false;
        boolean blockIndicators = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(c) || c == '\n') {
                return false;
            }
            boolean followedBySpace = i + 1 >= s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\n';
            if (i == 0) {
                if ("#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
                if (c == '?' || c == ':') {
                    flowIndicators = true;
                    if (followedBySpace) {
                        blockIndicators = true;
                    }
                }
                if (c == '-' && followedBySpace) {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            } else {
                if (",?[]{}".indexOf(c) >= 0) {
                    flowIndicators = true;
                }
                if (c == ':') {
                    flowIndicators = true;
                    if (followedBySpace) {
                        blockIndicators = true;
                    }
                }
                if (c == '#' && s.charAt(i - 1) == ' ') {
                    flowIndicators = true;
                    blockIndicators = true;
                }
            }
        }
        return flowContext ? !flowIndicators : !blockIndicators;
    }

    private static boolean needsEscape(char c) {
        return !(c == '\n' || (c >= 0x20 && c <= 0x7e) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD)) || c == '\uFEFF';
    }

    private static boolean needsDoubleQuotes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (needsEscape(c) || c == '\n') {
                return true;
            }
        }
        return false;
    }

    private static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> {
                    if (needsEscape(c)) {
                        out.append(c <= 0xff ? String.format("\\x%02X", (int) c) : String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

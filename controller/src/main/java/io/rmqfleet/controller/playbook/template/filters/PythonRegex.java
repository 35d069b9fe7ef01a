package io.rmqfleet.controller.playbook.template.filters;

import io.rmqfleet.controller.playbook.template.TemplateError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python {@code re} syntax on java.util.regex: named groups and {@code \1}/{@code \g<name>} replacements. */
final class PythonRegex {

    private PythonRegex() {
    }

    static Pattern compile(String pythonPattern, int flags) {
        String java = pythonPattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        try {
            return Pattern.compile(java, flags);
        } catch (PatternSyntaxException e) {
            throw new TemplateError("invalid regular expression '" + pythonPattern + "': " + e.getDescription(), null);
        }
    }

    /** A group reference by number or by name. */
    private record Group(Integer index, String name) {
        String value(java.util.regex.Matcher m) {
            try {
                return index != null ? m.group(index) : m.group(name);
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new TemplateError("invalid group reference " + (index != null ? index : name)
                    + " in replacement", null);
            }
        }
    }

    /** A parsed Python replacement string: literal text and group references. */
    static final class Replacement {
        private final List<Object> parts;

        private Replacement(List<Object> parts) {
            this.parts = parts;
        }

        /** The replacement text for one match (a group that did not take part gives ""). */
        String expand(java.util.regex.Matcher m) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Group g) {
                    String value = g.value(m);
                    out.append(value == null ? "" : value);
                } else {
                    out.append(part);
                }
            }
            return out.toString();
        }
    }

    /** Parses {@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \\}, {@code \n}, {@code \t}. */
    static Replacement replacement(String python) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c != '\\' || i + 1 >= python.length()) {
                literal.append(c);
                continue;
            }
            char n = python.charAt(i + 1);
            if (Character.isDigit(n)) {
                int j = i + 1;
                while (j < python.length() && j < i + 3 && Character.isDigit(python.charAt(j))) {
                    j++;
                }
                flush(literal, parts);
                parts.add(new Group(Integer.parseInt(python.substring(i + 1, j)), null));
                i = j - 1;
            } else if (n == 'g' && i + 2 < python.length() && python.charAt(i + 2) == '<') {
                int end = python.indexOf('>', i + 3);
                if (end < 0) {
                    throw new TemplateError("missing > in group reference of replacement '" + python + "'", null);
                }
                String group = python.substring(i + 3, end);
                flush(literal, parts);
                parts.add(!group.isEmpty() && group.chars().allMatch(Character::isDigit)
                    ? new Group(Integer.parseInt(group), null) : new Group(null, group));
                i = end;
            } else {
                switch (n) {
                    case '\\' -> literal.append('\\');
                    case 'n' -> literal.append('\n');
                    case 't' -> literal.append('\t');
                    case 'r' -> literal.append('\r');
                    default -> literal.append('\\').append(n);
                }
                i++;
            }
        }
        flush(literal, parts);
        return new Replacement(parts);
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }
}

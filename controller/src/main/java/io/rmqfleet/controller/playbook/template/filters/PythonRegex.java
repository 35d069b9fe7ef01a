package io.rmqfleet.controller.playbook.template.filters;

import io.rmqfleet.controller.playbook.template.TemplateError;
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

    /** Translates a Python replacement ({@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \\}) to Java's. */
    static String replacement(String python) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '$') {
                out.append("\\$");
            } else if (c == '\\' && i + 1 < python.length()) {
                char n = python.charAt(i + 1);
                if (Character.isDigit(n)) {
                    int j = i + 1;
                    while (j < python.length() && j < i + 3 && Character.isDigit(python.charAt(j))) {
                        j++;
                    }
                    out.append("${").append(python, i + 1, j).append('}');
                    i = j - 1;
                } else if (n == 'g' && i + 2 < python.length() && python.charAt(i + 2) == '<') {
                    int end = python.indexOf('>', i + 3);
                    if (end < 0) {
                        throw new TemplateError("missing > in group reference of replacement '" + python + "'", null);
                    }
                    String group = python.substring(i + 3, end);
                    out.append("${").append(group).append('}');
                    i = end;
                } else if (n == '\\') {
                    out.append("\\\\");
                    i++;
                } else if (n == 'n') {
                    out.append('\n');
                    i++;
                } else if (n == 't') {
                    out.append('\t');
                    i++;
                } else {
                    out.append("\\\\");
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

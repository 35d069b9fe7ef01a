package io.rmqfleet.controller.playbook.template;

/**
 * Makes Jinja2 string literals mean in jinjava what they mean in Ansible. jinjava only understands the escapes
 * {@code \'}, {@code \"} and {@code \\}. Inside {@code {{ }}} Ansible doubles every backslash of a literal before
 * Jinja2 sees it, so {@code regex_replace('(\d+)', '\1')} reaches the filter verbatim ({@link #raw}); elsewhere
 * ({@code {% %}}, conditions) Python's escapes apply: {@code \n} is a newline, an unknown {@code \d} stays
 * {@code \d} ({@link #python}). Either way the literal is re-encoded for jinjava.
 */
final class StringLiterals {

    private StringLiterals() {
    }

    static String raw(String expr) {
        return transform(expr, true);
    }

    static String python(String expr) {
        return transform(expr, false);
    }

    private static String transform(String expr, boolean raw) {
        if (expr.indexOf('\\') < 0) {
            return expr;
        }
        StringBuilder out = new StringBuilder(expr.length() + 8);
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (c != '\'' && c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < expr.length() && expr.charAt(end) != c) {
                end += expr.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= expr.length()) {
                out.append(expr, i, expr.length());
                break;
            }
            String body = expr.substring(i + 1, end);
            out.append(c).append(raw ? body.replace("\\", "\\\\") : reencode(decode(body), c)).append(c);
            i = end + 1;
        }
        return out.toString();
    }

    /** Python's unicode-escape decoding of a literal body; unknown escapes keep their backslash. */
    private static String decode(String body) {
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                default -> out.append('\\').append(n);
            }
        }
        return out.toString();
    }

    private static String reencode(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char ch : text.toCharArray()) {
            if (ch == '\\' || ch == quote) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}

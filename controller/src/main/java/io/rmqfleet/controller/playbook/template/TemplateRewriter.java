package io.rmqfleet.controller.playbook.template;

/**
 * Prepares Jinja2 text for jinjava: inside every {@code {{ }}} and {@code {% %}} it applies Ansible's string
 * literal rules ({@link StringLiterals}) and Jinja2's {@code not} precedence ({@link NotPrecedence}); plain
 * text, comments and {@code {% raw %}} sections stay untouched.
 */
final class TemplateRewriter {

    private TemplateRewriter() {
    }

    /** A bare expression as Ansible evaluates conditions: Python escapes in literals. */
    static String condition(String expr) {
        return NotPrecedence.rewrite(StringLiterals.python(expr));
    }

    /** The expression of a lone {@code {{ expr }}}: literals are raw, as anywhere inside {@code {{ }}}. */
    static String expression(String expr) {
        return NotPrecedence.rewrite(StringLiterals.raw(expr));
    }

    static String rewrite(String text) {
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        int n = text.length();
        while (i < n) {
            int open = nextOpen(text, i);
            if (open < 0) {
                out.append(text, i, n);
                break;
            }
            out.append(text, i, open);
            String opener = text.substring(open, open + 2);
            String closer = switch (opener) {
                case "{{" -> "}}";
                case "{%" -> "%}";
                default -> "#}";
            };
            int close = closing(text, open + 2, closer);
            if (close < 0) {
                out.append(text, open, n);
                break;
            }
            String inner = text.substring(open + 2, close);
            if (opener.equals("{#")) {
                out.append(text, open, close + 2);
            } else if (opener.equals("{%") && inner.replace("-", "").strip().equals("raw")) {
                int end = text.indexOf("endraw", close);
                int endClose = end < 0 ? -1 : text.indexOf("%}", end);
                int stop = endClose < 0 ? n : endClose + 2;
                out.append(text, open, stop);
                i = stop;
                continue;
            } else {
                String literals = opener.equals("{{") ? StringLiterals.raw(inner) : StringLiterals.python(inner);
                out.append(opener).append(separateBraces(NotPrecedence.rewrite(literals))).append(closer);
            }
            i = close + 2;
        }
        return out.toString();
    }

    private static int nextOpen(String text, int from) {
        int best = -1;
        for (String o : new String[] {"{{", "{%", "{#"}) {
            int idx = text.indexOf(o, from);
            if (idx >= 0 && (best < 0 || idx < best)) {
                best = idx;
            }
        }
        return best;
    }

    /**
     * Index of {@code closer} after {@code from}, skipping quoted strings and, as Jinja2's lexer does, closers
     * inside brackets: in {@code {{ {'a': {'b': 1}} }}} the first {@code }}} closes the dict, not the tag.
     */
    static int closing(String text, int from, String closer) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                continue;
            }
            if (depth == 0 && text.startsWith(closer, i)) {
                return i;
            }
            if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
                depth--;
            }
            i++;
        }
        return -1;
    }

    /** jinjava's tag scanner would end a tag at a {@code }}} that closes nested dicts: put a space between. */
    private static String separateBraces(String inner) {
        if (!inner.contains("}}") && !inner.contains("%}")) {
            return inner;
        }
        StringBuilder out = new StringBuilder(inner.length() + 4);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < inner.length() && inner.charAt(j) != c) {
                    j += inner.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, inner.length());
                out.append(inner, i, end);
                i = end - 1;
                continue;
            }
            out.append(c);
            if (c == '}' && i + 1 < inner.length() && inner.charAt(i + 1) == '}') {
                out.append(' ');
            }
        }
        return out.toString();
    }
}

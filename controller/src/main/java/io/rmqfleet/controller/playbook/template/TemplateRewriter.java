package io.rmqfleet.controller.playbook.template;

/**
 * Applies {@link NotPrecedence} inside every {@code {{ }}} and {@code {% %}} of a template text, leaving plain
 * text, comments and {@code {% raw %}} sections untouched.
 */
final class TemplateRewriter {

    private TemplateRewriter() {
    }

    static String rewrite(String text) {
        if (!text.contains("not")) {
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
                out.append(opener).append(NotPrecedence.rewrite(inner)).append(closer);
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

    /** Index of {@code closer} after {@code from}, skipping quoted strings. */
    private static int closing(String text, int from, String closer) {
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
            if (text.startsWith(closer, i)) {
                return i;
            }
            i++;
        }
        return -1;
    }
}

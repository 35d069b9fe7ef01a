package io.rmqfleet.controller.playbook.template;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Jinja2 gives {@code not} a lower precedence than comparisons ({@code not x in y} is {@code not (x in y)});
 * jinjava's expression language binds it tighter, which would silently turn {@code when: not 'a' in l} into
 * {@code (not 'a') in l}. This rewrites every unary {@code not} to parenthesise its operand up to the next
 * {@code and}/{@code or}/{@code if}/{@code else}, comma, colon or closing bracket at the same depth.
 */
final class NotPrecedence {

    private static final Set<String> OPERAND_END_WORDS = Set.of("and", "or", "if", "else");
    private static final Set<String> UNARY_CONTEXT_WORDS = Set.of("and", "or", "not", "if", "elif", "else", "in", "is", "return");

    private NotPrecedence() {
    }

    static String rewrite(String expr) {
        if (!expr.contains("not")) {
            return expr;
        }
        StringBuilder out = new StringBuilder(expr.length() + 8);
        Deque<Integer> openAtDepth = new ArrayDeque<>();
        int depth = 0;
        String previous = null; // last significant token
        int i = 0;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '\'' || c == '"') {
                int end = stringEnd(expr, i);
                out.append(expr, i, end);
                i = end;
                previous = "'";
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(expr.charAt(end)) || expr.charAt(end) == '_')) {
                    end++;
                }
                String word = expr.substring(i, end);
                if (OPERAND_END_WORDS.contains(word)) {
                    closeAll(out, openAtDepth, depth);
                }
                out.append(word);
                if (word.equals("not") && isUnary(previous) && !nextWordIs(expr, end, "in")) {
                    out.append(" (");
                    openAtDepth.push(depth);
                }
                previous = word;
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                closeAll(out, openAtDepth, depth);
                depth--;
            } else if (c == ',' || c == ':') {
                closeAll(out, openAtDepth, depth);
            }
            out.append(c);
            if (!Character.isWhitespace(c)) {
                previous = String.valueOf(c);
            }
            i++;
        }
        while (!openAtDepth.isEmpty()) {
            openAtDepth.pop();
            out.append(')');
        }
        return out.toString();
    }

    /** A {@code not} is unary at the start, after an operator, an opening bracket or a keyword. */
    private static boolean isUnary(String previous) {
        if (previous == null) {
            return true;
        }
        if (UNARY_CONTEXT_WORDS.contains(previous)) {
            return !previous.equals("is");
        }
        char p = previous.charAt(0);
        if (Character.isLetterOrDigit(p) || p == '_' || p == '\'' || p == ')' || p == ']' || p == '}') {
            return false;
        }
        return true;
    }

    private static void closeAll(StringBuilder out, Deque<Integer> openAtDepth, int depth) {
        while (!openAtDepth.isEmpty() && openAtDepth.peek() == depth) {
            openAtDepth.pop();
            out.append(')');
        }
    }

    private static boolean nextWordIs(String expr, int from, String word) {
        int i = from;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return expr.startsWith(word, i)
            && (i + word.length() == expr.length() || !Character.isLetterOrDigit(expr.charAt(i + word.length())));
    }

    private static int stringEnd(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}

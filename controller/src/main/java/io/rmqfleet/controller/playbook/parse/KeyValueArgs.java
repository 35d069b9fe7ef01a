package io.rmqfleet.controller.playbook.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's inline argument syntax ({@code copy: src=a dest="/x y" mode=0644}), ported from
 * {@code ansible.parsing.splitter}: whitespace separates arguments except inside quotes and Jinja blocks
 * ({@code msg={{ a | default('x y') }}} stays one argument); values are strings with their quotes removed.
 * Tokens that are not {@code key=value} are free-form text, collected as {@code _raw_params}.
 */
public final class KeyValueArgs {

    /** Options command/shell accept inline; any other {@code k=v} in their text is part of the command. */
    private static final Set<String> RAW_MODULE_OPTIONS = Set.of(
        "creates", "removes", "chdir", "executable", "warn", "stdin", "stdin_add_newline", "strip_empty_ends");

    private KeyValueArgs() {
    }

    /** Thrown for unbalanced quotes or Jinja blocks; the caller adds the location. */
    public static final class SplitException extends Exception {
        SplitException(String message) {
            super(message);
        }
    }

    /**
     * @param checkRaw true for free-form modules: only their known options are taken out of the text
     */
    public static Map<String, Object> parse(String text, boolean checkRaw) throws SplitException {
        Map<String, Object> options = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String original : split(text)) {
            String token = decodeEscapes(original);
            int eq = unescapedEquals(token);
            if (eq < 0) {
                raw.add(token.contains("=") ? token.replace("\\=", "=") : original);
                continue;
            }
            String key = token.substring(0, eq);
            String value = token.substring(eq + 1);
            if (checkRaw && !RAW_MODULE_OPTIONS.contains(key)) {
                raw.add(original);
            } else {
                options.put(key.strip(), unquote(value.strip()));
            }
        }
        if (!raw.isEmpty()) {
            options.put("_raw_params", join(raw));
        }
        return options;
    }

    /** First '=' not preceded by a backslash, ignoring position 0 (as Ansible does); -1 if none. */
    private static int unescapedEquals(String token) {
        int pos = 0;
        while (true) {
            pos = token.indexOf('=', pos + 1);
            if (pos < 0) {
                return -1;
            }
            if (token.charAt(pos - 1) != '\\') {
                return pos;
            }
        }
    }

    static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
                out.append(p);
            } else {
                out.append(' ').append(p);
            }
        }
        return out.toString();
    }

    static String unquote(String s) {
        if (s.length() > 1 && s.charAt(0) == s.charAt(s.length() - 1) && (s.charAt(0) == '"' || s.charAt(0) == '\'')
            && s.charAt(s.length() - 2) != '\\') {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Ansible's {@code split_args}: split on spaces and newlines but keep quoted text and Jinja blocks whole. */
    static List<String> split(String args) throws SplitException {
        List<String> params = new ArrayList<>();
        String[] items = args.split("\n", -1);
        Character quote = null;
        boolean insideQuotes = false;
        int printDepth = 0;
        int blockDepth = 0;
        int commentDepth = 0;
        for (int itemIdx = 0; itemIdx < items.length; itemIdx++) {
            String[] tokens = items[itemIdx].split(" ", -1);
            boolean lineContinuation = false;
            for (int idx = 0; idx < tokens.length; idx++) {
                String token = tokens[idx];
                if (token.isEmpty() && idx != 0) {
                    if (!params.isEmpty()) {
                        appendToLast(params, " ");
                    }
                    continue;
                }
                if (token.equals("\\") && !insideQuotes) {
                    lineContinuation = true;
                    continue;
                }
                boolean wasInsideQuotes = insideQuotes;
                quote = quoteState(token, quote);
                insideQuotes = quote != null;
                boolean appended = false;
                boolean inJinja = printDepth > 0 || blockDepth > 0 || commentDepth > 0;
                if (insideQuotes && !wasInsideQuotes && !inJinja) {
                    params.add(token);
                    appended = true;
                } else if (inJinja || insideQuotes || wasInsideQuotes) {
                    if (params.isEmpty()) {
                        params.add(token);
                    } else if (idx == 0 && wasInsideQuotes) {
                        appendToLast(params, token);
                    } else if (tokens.length > 1) {
                        appendToLast(params, (idx > 0 ? " " : "") + token);
                    } else {
                        appendToLast(params, "\n" + token);
                    }
                    appended = true;
                }
                int before = printDepth;
                printDepth = depth(token, printDepth, "{{", "}}");
                if (printDepth != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = blockDepth;
                blockDepth = depth(token, blockDepth, "{%", "%}");
                if (blockDepth != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                before = commentDepth;
                commentDepth = depth(token, commentDepth, "{#", "#}");
                if (commentDepth != before && !appended) {
                    params.add(token);
                    appended = true;
                }
                if (printDepth == 0 && blockDepth == 0 && commentDepth == 0 && !insideQuotes && !appended
                    && !token.isEmpty()) {
                    params.add(token);
                }
            }
            if (items.length > 1 && itemIdx != items.length - 1 && !lineContinuation && !params.isEmpty()) {
                appendToLast(params, "\n");
            }
        }
        if (printDepth > 0 || blockDepth > 0 || commentDepth > 0 || insideQuotes) {
            throw new SplitException("unbalanced quotes or Jinja block in arguments: " + args.strip());
        }
        return params;
    }

    private static void appendToLast(List<String> params, String text) {
        params.set(params.size() - 1, params.get(params.size() - 1) + text);
    }

    private static Character quoteState(String token, Character quote) {
        Character state = quote;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char prev = i > 0 ? token.charAt(i - 1) : 0;
            if ((c == '"' || c == '\'') && prev != '\\') {
                if (state != null) {
                    if (c == state) {
                        state = null;
                    }
                } else {
                    state = c;
                }
            }
        }
        return state;
    }

    private static int depth(String token, int current, String open, String close) {
        int opens = count(token, open);
        int closes = count(token, close);
        if (opens != closes) {
            return Math.max(0, current + opens - closes);
        }
        return current;
    }

    private static int count(String s, String needle) {
        int n = 0;
        int from = 0;
        while ((from = s.indexOf(needle, from)) >= 0) {
            n++;
            from += needle.length();
        }
        return n;
    }

    /** Python's unicode-escape for the sequences Ansible decodes: \\n, \\t, \\", \\uXXXX, ... */
    static String decodeEscapes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(i + 1);
            int hexLen = switch (n) {
                case 'x' -> 2;
                case 'u' -> 4;
                case 'U' -> 8;
                default -> 0;
            };
            if (hexLen > 0) {
                if (i + 2 + hexLen <= s.length() && isHex(s, i + 2, hexLen)) {
                    out.appendCodePoint(Integer.parseUnsignedInt(s.substring(i + 2, i + 2 + hexLen), 16));
                    i += 1 + hexLen;
                } else {
                    out.append(c);
                }
                continue;
            }
            String simple = switch (n) {
                case '\\' -> "\\";
                case '\'' -> "'";
                case '"' -> "\"";
                case 'a' -> "\u0007";
                case 'b' -> "\b";
                case 'f' -> "\f";
                case 'n' -> "\n";
                case 'r' -> "\r";
                case 't' -> "\t";
                case 'v' -> "\u000b";
                default -> null;
            };
            if (simple == null) {
                out.append(c);
            } else {
                out.append(simple);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        // \U beyond the Unicode range is not a valid escape either.
        return len < 8 || Long.parseLong(s.substring(from, from + len), 16) <= Character.MAX_CODE_POINT;
    }
}

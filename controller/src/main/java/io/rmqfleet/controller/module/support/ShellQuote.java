package io.rmqfleet.controller.module.support;

import java.util.List;
import java.util.regex.Pattern;

/** Quotes words for a POSIX shell (the rules of Python's {@code shlex.quote}). Every remote command uses it. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** {@code word} as one shell word: unchanged when it is safe, else in single quotes. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** The words quoted and joined with spaces: a command line that runs exactly {@code argv}. */
    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String word : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(quote(word));
        }
        return sb.toString();
    }

    /**
     * A glob pattern for the shell: the literal parts quoted, the wildcards {@code * ? [...]} left bare so the shell
     * still expands them, e.g. {@code /var/log/my app/*.log} becomes {@code '/var/log/my app/'*.log}.
     */
    public static String glob(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
            String wildcard = c == '*' || c == '?' ? String.valueOf(c)
                    : close > 0 ? pattern.substring(i, close + 1) : null;
            // a bracket expression we cannot pass through safely is taken literally
            if (wildcard != null && (c != '[' || wildcard.matches("\\[[!^]?[A-Za-z0-9_.,:@%+=/-]+\\]"))) {
                if (literal.length() > 0) {
                    out.append(quote(literal.toString()));
                    literal.setLength(0);
                }
                out.append(wildcard);
                i += wildcard.length();
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0 || out.length() == 0) {
            out.append(quote(literal.toString()));
        }
        return out.toString();
    }
}

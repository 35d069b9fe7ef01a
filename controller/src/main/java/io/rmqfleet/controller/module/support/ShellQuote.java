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
}

package io.rmqfleet.controller.connection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the {@code -o Key=Value} options out of Ansible's {@code ansible_ssh_common_args} /
 * {@code ansible_ssh_extra_args} strings (which OpenSSH receives as command-line words), so rmqfleet honours
 * the same UserKnownHostsFile and friends. Keys are case-insensitive as in OpenSSH; the first value wins.
 */
public final class SshOptionArgs {
    private SshOptionArgs() {
    }

    /** Option name (lower case) to value, from every {@code -o K=V}, {@code -o K V}, {@code -oK=V} word. */
    public static Map<String, String> options(String args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> words = words(args == null ? "" : args);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String option = null;
            if (word.equals("-o") && i + 1 < words.size()) {
                option = words.get(++i);
            } else if (word.startsWith("-o") && word.length() > 2) {
                option = word.substring(2);
            }
            if (option != null) {
                putOption(options, option, words, i);
            }
        }
        return options;
    }

    private static void putOption(Map<String, String> options, String option, List<String> words, int index) {
        int eq = option.indexOf('=');
        String key;
        String value;
        if (eq >= 0) {
            key = option.substring(0, eq).strip();
            value = option.substring(eq + 1).strip();
        } else {
            // "-o Key Value" is not valid OpenSSH syntax in one word; OpenSSH also accepts "Key Value" inside -o.
            String[] parts = option.strip().split("\\s+", 2);
            key = parts[0];
            value = parts.length > 1 ? parts[1] : "";
        }
        options.putIfAbsent(key.toLowerCase(Locale.ROOT), value);
    }

    /** Splits like a POSIX shell would: whitespace separates, single and double quotes group, backslash escapes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(current.toString());
        }
        return words;
    }
}

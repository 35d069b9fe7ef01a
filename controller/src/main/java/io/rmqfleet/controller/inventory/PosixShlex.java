package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code shlex.split(line, comments=True)} (POSIX mode), which Ansible's INI parser uses for host lines:
 * quotes are removed, {@code \} escapes, {@code #} starts a comment even inside a word.
 */
final class PosixShlex {
    private static final String WHITESPACE = " \t\r\n";

    private PosixShlex() {
    }

    static List<String> split(String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        char state = ' ';
        char escapedState = ' ';
        int i = 0;
        int n = line.length();
        while (true) {
            boolean eof = i >= n;
            char c = eof ? 0 : line.charAt(i++);
            if (state == ' ' || state == 'a') {
                if (eof) {
                    break;
                }
                if (WHITESPACE.indexOf(c) >= 0) {
                    if (inToken || quoted) {
                        tokens.add(token.toString());
                    }
                    token.setLength(0);
                    inToken = false;
                    quoted = false;
                    state = ' ';
                } else if (c == '#') {
                    break; // the rest of the line is a comment
                } else if (c == '\\') {
                    escapedState = 'a';
                    state = '\\';
                    inToken = true;
                } else if (c == '\'' || c == '"') {
                    state = c;
                    inToken = true;
                } else {
                    token.append(c);
                    state = 'a';
                    inToken = true;
                }
            } else if (state == '\'' || state == '"') {
                quoted = true;
                if (eof) {
                    throw new IllegalArgumentException("No closing quotation");
                }
                if (c == state) {
                    state = 'a';
                } else if (c == '\\' && state == '"') {
                    escapedState = state;
                    state = '\\';
                } else {
                    token.append(c);
                }
            } else { // escape
                if (eof) {
                    throw new IllegalArgumentException("No escaped character");
                }
                // In posix shells, only the quote itself or the escape character may be escaped within quotes.
                if (escapedState == '"' && c != '\\' && c != '"') {
                    token.append('\\');
                }
                token.append(c);
                state = escapedState;
            }
        }
        if (inToken && (token.length() > 0 || quoted)) {
            tokens.add(token.toString());
        }
        return tokens;
    }
}

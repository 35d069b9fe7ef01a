package io.rmqfleet.controller.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The few Python {@code str} operations Ansible's inventory code relies on, with Python's exact character classes
 * (Java's {@code trim()}/{@code lines()} disagree with Python on which characters are whitespace or line breaks).
 */
final class PyStrings {
    private PyStrings() {
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int c) {
        switch (c) {
            case ' ', '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0, 0x1680, 0x2028, 0x2029,
                0x202f, 0x205f, 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200a;
        }
    }

    /** Python's {@code str.strip()}. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Python's {@code str.splitlines()} (no line ends kept). */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (isLineBreak(c)) {
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
            i++;
        }
        if (start < n) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e
            || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    /** Python's {@code os.path.splitext(name)[1]}: the extension, leading dots of the name do not count. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        for (int i = 0; i < dot; i++) {
            if (fileName.charAt(i) != '.') {
                return fileName.substring(dot);
            }
        }
        return "";
    }

    /** Python compares strings by code point; Java's compareTo by UTF-16 unit. They differ only above U+FFFF. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

package io.rmqfleet.controller.inventory;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one inventory host entry into host names and an optional port, like Ansible's
 * {@code _expand_hostpattern} + {@code expand_hostname_range}: {@code node[01:10]}, {@code db-[a:f]},
 * {@code web[1:10:2]}, several ranges in one name, {@code host:2222}, {@code [::1]:22}.
 * Errors are {@link IllegalArgumentException}s with Ansible's wording; callers add the location.
 */
final class HostPatternExpander {
    private static final String ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** A sanity bound: Ansible has none, but a typo like [1:99999999] should not exhaust memory. */
    static final int MAX_HOSTS_PER_PATTERN = 1_000_000;

    record Expansion(List<String> hostNames, Integer port) {
    }

    private HostPatternExpander() {
    }

    static Expansion expand(String hostPattern) {
        String pattern = hostPattern;
        Integer port = null;
        var address = HostAddress.parse(hostPattern, true);
        if (address.isPresent()) {
            pattern = address.get().host();
            port = address.get().port();
        }
        List<String> names = new ArrayList<>();
        if (pattern.contains("[")) {
            expandRange(pattern, names);
        } else {
            names.add(pattern);
        }
        return new Expansion(names, port);
    }

    private static void expandRange(String line, List<String> out) {
        String replaced = line.replaceFirst("\\[", "|").replaceFirst("]", "|");
        String[] parts = replaced.split("\\|", -1);
        if (parts.length != 3) {
            int n = parts.length;
            throw new IllegalArgumentException(n < 3 ? "not enough values to unpack (expected 3, got " + n + ")"
                : "too many values to unpack (expected 3)");
        }
        String head = parts[0];
        String tail = parts[2];
        String[] bounds = parts[1].split(":", -1);
        if (bounds.length != 2 && bounds.length != 3) {
            throw new IllegalArgumentException("host range must be begin:end or begin:end:step");
        }
        String begin = bounds[0].isEmpty() ? "0" : bounds[0];
        String end = bounds[1];
        String step = bounds.length == 3 ? bounds[2] : "1";
        if (end.isEmpty()) {
            throw new IllegalArgumentException("host range must specify end value");
        }
        int width = 0;
        if (begin.charAt(0) == '0' && begin.length() > 1) {
            width = begin.length();
            if (width != end.length()) {
                throw new IllegalArgumentException("host range must specify equal-length begin and end formats");
            }
        }
        List<String> sequence = alphabeticRange(begin, end, step);
        if (sequence == null) {
            sequence = numericRange(begin, end, step, width);
        }
        for (String item : sequence) {
            String name = head + item + tail;
            if (name.contains("[")) {
                expandRange(name, out);
            } else {
                out.add(name);
            }
            if (out.size() > MAX_HOSTS_PER_PATTERN) {
                throw new IllegalArgumentException("host range expands to more than " + MAX_HOSTS_PER_PATTERN + " hosts");
            }
        }
    }

    /** Python's {@code string.ascii_letters.index()} finds substrings: "ab" is at 0. Null: not alphabetic. */
    private static List<String> alphabeticRange(String begin, String end, String step) {
        int from = ASCII_LETTERS.indexOf(begin);
        int to = ASCII_LETTERS.indexOf(end);
        if (from < 0 || to < 0) {
            return null;
        }
        if (from > to) {
            throw new IllegalArgumentException("host range must have begin <= end");
        }
        Integer stride = pythonInt(step);
        if (stride == null || stride == 0) {
            return null; // ValueError inside the try: Ansible falls back to a numeric range, which then fails
        }
        List<String> letters = new ArrayList<>();
        if (stride > 0) {
            for (int i = from; i <= to; i += stride) {
                letters.add(String.valueOf(ASCII_LETTERS.charAt(i)));
            }
        }
        return letters; // a negative step slices to nothing in Python
    }

    private static List<String> numericRange(String begin, String end, String step, int width) {
        Integer from = pythonInt(begin);
        Integer to = pythonInt(end);
        Integer stride = pythonInt(step);
        if (from == null || to == null || stride == null) {
            String bad = from == null ? begin : to == null ? end : step;
            throw new IllegalArgumentException("invalid literal for int() with base 10: '" + bad + "'");
        }
        if (stride == 0) {
            throw new IllegalArgumentException("range() arg 3 must not be zero");
        }
        long count = stride > 0 ? Math.max(0, ((long) to + 1 - from + stride - 1) / stride)
            : Math.max(0, ((long) from - (to + 1) - stride - 1) / -stride);
        if (count > MAX_HOSTS_PER_PATTERN) {
            throw new IllegalArgumentException("host range expands to more than " + MAX_HOSTS_PER_PATTERN + " hosts");
        }
        List<String> numbers = new ArrayList<>();
        for (long i = from; stride > 0 ? i < (long) to + 1 : i > (long) to + 1; i += stride) {
            numbers.add(zfill(Long.toString(i), width));
        }
        return numbers;
    }

    /** Python's str.zfill: pads after a sign. */
    private static String zfill(String s, int width) {
        if (s.length() >= width) {
            return s;
        }
        boolean signed = s.startsWith("-") || s.startsWith("+");
        String digits = signed ? s.substring(1) : s;
        return (signed ? s.substring(0, 1) : "") + "0".repeat(width - s.length()) + digits;
    }

    /** Python's int(str) for the forms that matter here (whitespace, sign, underscores); null if invalid. */
    static Integer pythonInt(String text) {
        String s = PyStrings.strip(text);
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        if (body.isEmpty() || body.startsWith("_")) {
            return null;
        }
        StringBuilder digits = new StringBuilder(s.startsWith("-") ? "-" : "");
        for (char c : body.toCharArray()) {
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, 10);
            if (d < 0) {
                return null;
            }
            digits.append(d);
        }
        BigInteger value = new BigInteger(digits.toString());
        if (value.bitLength() > 31) {
            throw new IllegalArgumentException("host range bound is too large: " + text);
        }
        return value.intValue();
    }
}

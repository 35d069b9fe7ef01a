package io.rmqfleet.controller.playbook.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The Python str methods playbooks call on strings ({@code x.split(':')[0]}, {@code x.startswith('/')}, ...). */
final class PythonStrings {

    private static final Set<String> METHODS = Set.of("upper", "lower", "title", "capitalize", "strip", "lstrip",
        "rstrip", "split", "rsplit", "splitlines", "startswith", "endswith", "replace", "join", "find", "count",
        "isdigit", "isalpha", "isalnum", "format");

    private PythonStrings() {
    }

    static boolean supports(String method) {
        return METHODS.contains(method);
    }

    static Object invoke(String s, String method, Object[] args) {
        return switch (method) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT)
                + s.substring(1).toLowerCase(Locale.ROOT);
            case "strip" -> strip(s, arg(args, 0), true, true);
            case "lstrip" -> strip(s, arg(args, 0), true, false);
            case "rstrip" -> strip(s, arg(args, 0), false, true);
            case "split" -> split(s, arg(args, 0), args.length > 1 ? ((Number) args[1]).intValue() : -1, false);
            case "rsplit" -> split(s, arg(args, 0), args.length > 1 ? ((Number) args[1]).intValue() : -1, true);
            case "splitlines" -> new ArrayList<>(s.lines().toList());
            case "startswith" -> matchesAny(s, args, true);
            case "endswith" -> matchesAny(s, args, false);
            case "replace" -> replace(s, String.valueOf(args[0]), String.valueOf(args[1]),
                args.length > 2 ? ((Number) args[2]).intValue() : -1);
            case "join" -> join(s, args[0]);
            case "find" -> s.indexOf(String.valueOf(args[0]));
            case "count" -> count(s, String.valueOf(args[0]));
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "isalpha" -> !s.isEmpty() && s.chars().allMatch(Character::isLetter);
            case "isalnum" -> !s.isEmpty() && s.chars().allMatch(Character::isLetterOrDigit);
            case "format" -> format(s, args);
            default -> throw new IllegalArgumentException("unsupported string method " + method);
        };
    }

    private static String arg(Object[] args, int i) {
        return args.length > i && args[i] != null ? String.valueOf(args[i]) : null;
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return out.toString();
    }

    static String strip(String s, String chars, boolean left, boolean right) {
        int from = 0;
        int to = s.length();
        while (left && from < to && stripped(s.charAt(from), chars)) {
            from++;
        }
        while (right && to > from && stripped(s.charAt(to - 1), chars)) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean stripped(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }

    static List<String> split(String s, String sep, int maxSplit, boolean fromRight) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            String trimmed = s.strip();
            if (trimmed.isEmpty()) {
                return out;
            }
            String[] parts = trimmed.split("\\s+", fromRight || maxSplit < 0 ? -1 : maxSplit + 1);
            out.addAll(List.of(parts));
            if (fromRight && maxSplit >= 0 && out.size() > maxSplit + 1) {
                int keep = out.size() - maxSplit;
                String head = String.join(" ", out.subList(0, keep));
                List<String> tail = new ArrayList<>(out.subList(keep, out.size()));
                out.clear();
                out.add(head);
                out.addAll(tail);
            }
            return out;
        }
        if (sep.isEmpty()) {
            throw new IllegalArgumentException("empty separator");
        }
        List<String> parts = new ArrayList<>();
        int from = 0;
        int idx;
        while ((idx = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, idx));
            from = idx + sep.length();
        }
        parts.add(s.substring(from));
        if (maxSplit < 0 || parts.size() <= maxSplit + 1) {
            return parts;
        }
        if (!fromRight) {
            out.addAll(parts.subList(0, maxSplit));
            out.add(String.join(sep, parts.subList(maxSplit, parts.size())));
        } else {
            out.add(String.join(sep, parts.subList(0, parts.size() - maxSplit)));
            out.addAll(parts.subList(parts.size() - maxSplit, parts.size()));
        }
        return out;
    }

    private static boolean matchesAny(String s, Object[] args, boolean prefix) {
        Object arg = args[0];
        Collection<?> options = arg instanceof Collection<?> c ? c : List.of(String.valueOf(arg));
        for (Object o : options) {
            String p = String.valueOf(o);
            if (prefix ? s.startsWith(p) : s.endsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String replace(String s, String old, String replacement, int count) {
        if (count < 0) {
            return s.replace(old, replacement);
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        int done = 0;
        int idx;
        while (done < count && !old.isEmpty() && (idx = s.indexOf(old, from)) >= 0) {
            out.append(s, from, idx).append(replacement);
            from = idx + old.length();
            done++;
        }
        return out.append(s.substring(from)).toString();
    }

    private static String join(String sep, Object items) {
        List<String> parts = new ArrayList<>();
        if (items instanceof Collection<?> c) {
            for (Object o : c) {
                parts.add(PyStr.str(o));
            }
        } else if (items instanceof Object[] a) {
            for (Object o : a) {
                parts.add(PyStr.str(o));
            }
        } else {
            for (char ch : String.valueOf(items).toCharArray()) {
                parts.add(String.valueOf(ch));
            }
        }
        return String.join(sep, parts);
    }

    private static int count(String s, String sub) {
        if (sub.isEmpty()) {
            return s.length() + 1;
        }
        int n = 0;
        int from = 0;
        int idx;
        while ((idx = s.indexOf(sub, from)) >= 0) {
            n++;
            from = idx + sub.length();
        }
        return n;
    }

    /** {@code '{}-{}'.format(a, b)} and {@code '{0}'}; named fields are not supported. */
    private static String format(String s, Object[] args) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                out.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                out.append('}');
                i++;
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Single '{' encountered in format string");
                }
                String field = s.substring(i + 1, end);
                int index = field.isEmpty() ? auto++ : Integer.parseInt(field);
                out.append(PyStr.str(args[index]));
                i = end;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

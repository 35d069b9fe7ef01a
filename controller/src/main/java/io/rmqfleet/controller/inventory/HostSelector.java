package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible's host pattern evaluation (InventoryManager.get_hosts): split on {@code ,} (or {@code :} when the whole
 * pattern is not one address), regular parts first, then {@code &} intersections, then {@code !} exclusions;
 * each part matches group names (all their hosts) and, for plain words that name no group or for globs/regexes,
 * host names; {@code [i]}, {@code [i:j]}, {@code [i:]} subscripts pick from a part's result.
 */
final class HostSelector {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]$",
        Pattern.DOTALL);
    private static final Pattern COLON_PARTS = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");

    private final Inventory inventory;

    HostSelector(Inventory inventory) {
        this.inventory = inventory;
    }

    List<Host> select(String pattern, Limit limit, SourceLocation where) {
        List<Host> hosts = evaluate(splitPattern(pattern), where);
        if (limit != null) {
            Set<Host> subset = new LinkedHashSet<>(evaluate(limit.patterns(), where));
            hosts.removeIf(h -> !subset.contains(h));
        }
        return new ArrayList<>(new LinkedHashSet<>(hosts));
    }

    /** Ansible's split_host_pattern. */
    static List<String> splitPattern(String pattern) {
        List<String> parts = new ArrayList<>();
        if (pattern.contains(",")) {
            for (String p : pattern.split(",", -1)) {
                parts.add(p);
            }
        } else if (HostAddress.parse(pattern, true).isPresent()) {
            parts.add(pattern);
        } else {
            Matcher m = COLON_PARTS.matcher(pattern);
            while (m.find()) {
                parts.add(m.group());
            }
        }
        List<String> result = new ArrayList<>();
        for (String p : parts) {
            String stripped = PyStrings.strip(p);
            if (!stripped.isEmpty()) {
                result.add(stripped);
            }
        }
        return result;
    }

    /** Ansible's _evaluate_patterns. */
    private List<Host> evaluate(List<String> patterns, SourceLocation where) {
        List<String> regular = new ArrayList<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String p : patterns) {
            if (p.isEmpty()) {
                continue;
            }
            switch (p.charAt(0)) {
                case '!' -> exclusions.add(p);
                case '&' -> intersections.add(p);
                default -> regular.add(p);
            }
        }
        if (regular.isEmpty()) {
            regular.add("all");
        }
        List<String> ordered = new ArrayList<>(regular);
        ordered.addAll(intersections);
        ordered.addAll(exclusions);

        Map<String, Host> byName = inventory.hostMap();
        List<Host> hosts = new ArrayList<>();
        for (String p : ordered) {
            if (byName.containsKey(p)) {
                hosts.add(byName.get(p));
                continue;
            }
            List<Host> that = matchOne(p, where);
            if (p.charAt(0) == '!') {
                Set<Host> exclude = new LinkedHashSet<>(that);
                hosts.removeIf(exclude::contains);
            } else if (p.charAt(0) == '&') {
                Set<Host> keep = new LinkedHashSet<>(that);
                hosts.removeIf(h -> !keep.contains(h));
            } else {
                Set<String> existing = new LinkedHashSet<>();
                hosts.forEach(h -> existing.add(h.name()));
                for (Host h : that) {
                    if (!existing.contains(h.name())) {
                        hosts.add(h);
                    }
                }
            }
        }
        return hosts;
    }

    private List<Host> matchOne(String pattern, SourceLocation where) {
        String p = pattern.charAt(0) == '&' || pattern.charAt(0) == '!' ? pattern.substring(1) : pattern;
        if (p.isEmpty()) {
            return List.of();
        }
        String expr = p;
        int[] subscript = null; // {start, end} with end == Integer.MIN_VALUE for a single index
        if (p.charAt(0) != '~') {
            Matcher m = SUBSCRIPT.matcher(p);
            if (m.matches()) {
                expr = m.group(1);
                try {
                    if (m.group(2) != null) {
                        subscript = new int[] {Integer.parseInt(m.group(2)), Integer.MIN_VALUE};
                    } else {
                        int end = m.group(5).isEmpty() ? -1 : Integer.parseInt(m.group(5));
                        subscript = new int[] {Integer.parseInt(m.group(3)), end};
                    }
                } catch (NumberFormatException e) {
                    throw new InputException(where, "Invalid subscript in host pattern '" + p + "'");
                }
            }
        }
        List<Host> hosts = enumerate(expr, where);
        if (hosts.isEmpty() || subscript == null) {
            return hosts;
        }
        int start = subscript[0];
        int end = subscript[1];
        if (end != Integer.MIN_VALUE && end != 0) {
            if (end == -1) {
                end = hosts.size() - 1;
            }
            return pySlice(hosts, start, end + 1);
        }
        int index = start < 0 ? hosts.size() + start : start; // Python: hosts[start]
        if (index < 0 || index >= hosts.size()) {
            throw new InputException(where, "No hosts matched the subscripted pattern '" + p + "'");
        }
        return List.of(hosts.get(index));
    }

    private static List<Host> pySlice(List<Host> hosts, int from, int to) {
        int n = hosts.size();
        int a = from < 0 ? Math.max(0, n + from) : Math.min(from, n);
        int b = to < 0 ? Math.max(0, n + to) : Math.min(to, n);
        return a >= b ? List.of() : new ArrayList<>(hosts.subList(a, b));
    }

    /** Ansible's _enumerate_matches: groups first, then hosts for globs/regexes or when no group matched. */
    private List<Host> enumerate(String pattern, SourceLocation where) {
        Pattern compiled = compile(pattern, where);
        boolean regex = pattern.charAt(0) == '~';
        List<Host> results = new ArrayList<>();
        boolean matchedGroup = false;
        Map<String, Host> byName = inventory.hostMap();
        for (String group : inventory.groups().keySet()) {
            if (matches(compiled, group, regex)) {
                matchedGroup = true;
                for (String h : inventory.groupHosts(group)) {
                    results.add(byName.get(h));
                }
            }
        }
        boolean special = regex || pattern.contains(".") || pattern.contains("?") || pattern.contains("*")
            || pattern.contains("[");
        if (!matchedGroup || special) {
            for (Host h : byName.values()) {
                if (matches(compiled, h.name(), regex)) {
                    results.add(h);
                }
            }
        }
        if (results.isEmpty()) {
            inventory.implicitLocalhost(pattern).ifPresent(results::add);
        }
        return results;
    }

    private static boolean matches(Pattern compiled, String name, boolean regex) {
        Matcher m = compiled.matcher(name);
        return regex ? m.lookingAt() : m.matches();
    }

    private static final Map<String, Pattern> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > 256;
        }
    };

    private static Pattern compile(String pattern, SourceLocation where) {
        synchronized (CACHE) {
            Pattern cached = CACHE.get(pattern);
            if (cached != null) {
                return cached;
            }
        }
        Pattern compiled;
        try {
            compiled = pattern.charAt(0) == '~' ? Pattern.compile(pythonRegexToJava(pattern.substring(1)))
                : Fnmatch.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new InputException(where, "Invalid host list pattern: " + pattern);
        }
        synchronized (CACHE) {
            CACHE.put(pattern, compiled);
        }
        return compiled;
    }

    /** The few Python-only regex spellings: named groups {@code (?P<n>...)} and back references {@code (?P=n)}. */
    private static String pythonRegexToJava(String regex) {
        return regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
    }
}

package io.rmqfleet.controller.inventory;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rmqfleet.controller.cli.Main;
import io.rmqfleet.controller.input.InputException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Produces rmqfleet's side of the parity comparisons and compares it with Ansible's. */
final class InventoryViews {
    static final JsonMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNumberLength(100_000).build())
            .build())
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .build();

    private InventoryViews() {
    }

    /** Runs {@code rmqfleet inventory -i ... ARGS} in-process; returns stdout, fails on a non-zero exit. */
    static String cli(CorpusCase c, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("inventory");
        for (String s : c.resolvedSources()) {
            argv.add("-i");
            argv.add(s);
        }
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(argv.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("rmqfleet " + String.join(" ", argv) + " exited " + code + ": " + err);
        }
        return out.toString();
    }

    /** For each pattern line ({@code PATTERN} or {@code PATTERN|LIMIT}): the selected host names, or "error". */
    static List<Map<String, Object>> patterns(CorpusCase c) {
        Inventory inventory = Inventory.loadSources(c.resolvedSources());
        List<Map<String, Object>> results = new ArrayList<>();
        for (String line : c.patterns()) {
            int bar = line.indexOf('|');
            String pattern = bar < 0 ? line : line.substring(0, bar);
            String limit = bar < 0 ? null : line.substring(bar + 1);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pattern", pattern);
            entry.put("limit", limit);
            try {
                Limit subset = limit == null ? null : Limit.parse(limit, c.dir());
                entry.put("hosts", inventory.select(pattern, subset).stream().map(Host::name).toList());
            } catch (InputException e) {
                entry.put("error", e.getMessage());
            }
            results.add(entry);
        }
        return results;
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
    }

    /** JSON equality ignoring key order; ints and floats stay distinct (1 is not 1.0), as in Python. */
    static void assertSameJson(String what, String expected, String actual) {
        JsonNode e = parse(expected);
        JsonNode a = parse(actual);
        if (!e.equals(a)) {
            throw new AssertionError(what + " differs from Ansible\n--- ansible\n" + expected + "\n--- rmqfleet\n" + actual);
        }
    }

    static void assertSameText(String what, String expected, String actual) {
        if (!stripTrailingNewlines(expected).equals(stripTrailingNewlines(actual))) {
            throw new AssertionError(what + " differs from Ansible\n--- ansible\n" + expected + "\n--- rmqfleet\n" + actual);
        }
    }

    /** Patterns: same hosts in the same order, or both an error. */
    static void assertSamePatterns(String what, String expectedJson, List<Map<String, Object>> actual) {
        JsonNode expected = parse(expectedJson);
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": " + expected.size() + " recorded patterns, " + actual.size() + " evaluated");
        }
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            Map<String, Object> a = actual.get(i);
            String label = what + " pattern '" + a.get("pattern") + "'" + (a.get("limit") == null ? "" : " --limit '" + a.get("limit") + "'");
            if (e.has("error") != a.containsKey("error")) {
                throw new AssertionError(label + ": ansible " + (e.has("error") ? "failed: " + e.get("error") : "selected " + e.get("hosts"))
                    + ", rmqfleet " + (a.containsKey("error") ? "failed: " + a.get("error") : "selected " + a.get("hosts")));
            }
            if (e.has("hosts")) {
                List<String> expectedHosts = new ArrayList<>();
                e.get("hosts").forEach(h -> expectedHosts.add(h.asText()));
                if (!expectedHosts.equals(a.get("hosts"))) {
                    throw new AssertionError(label + ": ansible selected " + expectedHosts + ", rmqfleet " + a.get("hosts"));
                }
            }
        }
    }

    private static String stripTrailingNewlines(String s) {
        return s.replaceAll("\\n+$", "");
    }
}

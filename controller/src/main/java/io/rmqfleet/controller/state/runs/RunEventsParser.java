package io.rmqfleet.controller.state.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON lines that {@code apply --json FILE} writes ({@code io.rmqfleet.controller.callback
 * .JsonEventsCallback}) into a {@link RunRecord}. One run per stream; blank lines are skipped.
 */
public final class RunEventsParser {
    public static final int MAX_EVENTS = 200_000;
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private RunEventsParser() {
    }

    public static RunRecord parse(byte[] body, Instant receivedAt) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<Map<String, Object>> events = new ArrayList<>();
        String runId = null;
        Instant started = null;
        Instant finished = null;
        Integer exitCode = null;
        Long elapsed = null;
        Map<String, Object> recap = null;
        Set<String> plays = new LinkedHashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            if (events.size() >= MAX_EVENTS) {
                throw new InvalidRunException("line " + lineNo + ": more than " + MAX_EVENTS + " events");
            }
            Map<String, Object> event = readObject(line, lineNo);
            String type = requiredString(event, "event", lineNo);
            String id = requiredString(event, "run_id", lineNo);
            if (!RUN_ID.matcher(id).matches()) {
                throw new InvalidRunException("line " + lineNo + ": run_id: expected letters, digits, '.', '_', ':'"
                        + " or '-' (at most 128)");
            }
            if (runId == null) {
                runId = id;
            } else if (!runId.equals(id)) {
                throw new InvalidRunException("line " + lineNo + ": run_id: " + id + " differs from " + runId
                        + " of line 1; post one run per request");
            }
            Instant at = instant(requiredString(event, "time", lineNo), lineNo);
            if (started == null) {
                started = at;
            }
            if (event.get("play") instanceof String play && !play.isEmpty()) {
                plays.add(play);
            }
            if (type.equals("run_end")) {
                finished = at;
                exitCode = integer(event.get("exit_code"), "exit_code", lineNo).intValue();
                elapsed = integer(event.get("elapsed_ms"), "elapsed_ms", lineNo);
                if (event.get("recap") instanceof Map<?, ?> r) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) r;
                    recap = typed;
                }
            }
            events.add(event);
        }
        if (runId == null) {
            throw new InvalidRunException("line 1: empty body, expected JSON lines of one run's events");
        }
        return new RunRecord(runId, receivedAt, started, finished, RunRecord.statusOf(exitCode), exitCode, elapsed,
                List.copyOf(plays), recap, events);
    }

    /**
     * The spec hashes a run gave containers: every {@code host_result} whose result carries
     * {@code container.name} and {@code container.spec_hash} (the docker_container module's result).
     */
    public static List<ExpectedSpec> expectedSpecs(RunRecord run) {
        Map<String, ExpectedSpec> byKey = new LinkedHashMap<>();
        for (Map<String, Object> e : run.events()) {
            if (!"host_result".equals(e.get("event")) || !(e.get("host") instanceof String host)) {
                continue;
            }
            Object status = e.get("status");
            if (!"ok".equals(status) && !"changed".equals(status)) {
                continue;
            }
            if (e.get("result") instanceof Map<?, ?> result && result.get("container") instanceof Map<?, ?> c
                    && c.get("name") instanceof String name && c.get("spec_hash") instanceof String hash) {
                byKey.put(host + "/" + name, new ExpectedSpec(host, name, hash));
            }
        }
        return List.copyOf(byKey.values());
    }

    private static Map<String, Object> readObject(String line, int lineNo) {
        try {
            if (!line.startsWith("{")) {
                throw new InvalidRunException("line " + lineNo + ": expected a JSON object");
            }
            return MAPPER.readValue(line, MAP);
        } catch (JsonProcessingException e) {
            throw new InvalidRunException("line " + lineNo + ": malformed JSON: " + e.getOriginalMessage());
        }
    }

    private static String requiredString(Map<String, Object> event, String field, int lineNo) {
        Object v = event.get(field);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new InvalidRunException("line " + lineNo + ": " + field + ": required string is missing");
        }
        return s;
    }

    private static Instant instant(String value, int lineNo) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRunException("line " + lineNo + ": time: expected an ISO-8601 UTC instant, got "
                    + value);
        }
    }

    private static Long integer(Object value, String field, int lineNo) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new InvalidRunException("line " + lineNo + ": " + field + ": expected an integer");
    }
}

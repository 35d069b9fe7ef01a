package io.rmqfleet.common.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object strictly: every field must be present (nullable ones may be null),
 * types must match exactly (no "5" for 5, no 5.0 for an integer), unknown fields are rejected. Every failure
 * names the JSONPath of the value.
 */
final class JsonObjectReader {
    private final JsonNode node;
    private final String path;

    private JsonObjectReader(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static JsonObjectReader of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidReportException(path, "expected an object, got " + typeOf(node));
        }
        return new JsonObjectReader(node, path);
    }

    /** Fails on the first field not in {@code known}; called first so a typo is reported as such. */
    JsonObjectReader onlyFields(Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidReportException(child(name), "unknown field");
            }
        }
        return this;
    }

    String child(String field) {
        return path + "." + field;
    }

    JsonNode raw(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new InvalidReportException(child(field), "required field is missing");
        }
        return value;
    }

    boolean isNull(String field) {
        return raw(field).isNull();
    }

    String string(String field, Pattern pattern, String expected) {
        JsonNode value = raw(field);
        if (!value.isTextual()) {
            throw new InvalidReportException(child(field), "expected " + expected + ", got " + typeOf(value));
        }
        if (!pattern.matcher(value.textValue()).matches()) {
            throw new InvalidReportException(child(field), "expected " + expected);
        }
        return value.textValue();
    }

    String nullableString(String field, Pattern pattern, String expected) {
        return isNull(field) ? null : string(field, pattern, expected);
    }

    long integer(String field, long min, long max) {
        JsonNode value = raw(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidReportException(child(field), "expected an integer, got " + typeOf(value));
        }
        long v = value.longValue();
        if (v < min || v > max) {
            throw new InvalidReportException(child(field), rangeText(min, max) + ", got " + v);
        }
        return v;
    }

    double nonNegativeNumber(String field) {
        JsonNode value = raw(field);
        if (!value.isNumber()) {
            throw new InvalidReportException(child(field), "expected a number, got " + typeOf(value));
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidReportException(child(field), "expected a number >= 0, got " + value.asText());
        }
        return v;
    }

    /** A string that must be one of an enumeration's wire values; the message lists them all. */
    <E> E choice(String field, Function<String, Optional<E>> lookup, String wireValues) {
        JsonNode value = raw(field);
        Optional<E> match = value.isTextual() ? lookup.apply(value.textValue()) : Optional.empty();
        return match.orElseThrow(() -> new InvalidReportException(child(field), "expected one of " + wireValues));
    }

    boolean bool(String field) {
        JsonNode value = raw(field);
        if (!value.isBoolean()) {
            throw new InvalidReportException(child(field), "expected true or false, got " + typeOf(value));
        }
        return value.booleanValue();
    }

    Instant instant(String field) {
        JsonNode value = raw(field);
        String expected = "an ISO-8601 UTC instant such as 2025-01-31T12:00:00Z";
        if (!value.isTextual()) {
            throw new InvalidReportException(child(field), "expected " + expected + ", got " + typeOf(value));
        }
        try {
            return Instant.parse(value.textValue());
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(child(field), "expected " + expected);
        }
    }

    Instant nullableInstant(String field) {
        return isNull(field) ? null : instant(field);
    }

    /** An array of objects, each read by {@code element} with its own path ({@code $.containers[2]}). */
    <T> List<T> array(String field, int maxEntries, BiFunction<JsonNode, String, T> element) {
        JsonNode value = raw(field);
        if (!value.isArray()) {
            throw new InvalidReportException(child(field), "expected an array, got " + typeOf(value));
        }
        if (value.size() > maxEntries) {
            throw new InvalidReportException(child(field),
                    "expected at most " + maxEntries + " entries, got " + value.size());
        }
        List<T> result = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            result.add(element.apply(value.get(i), child(field) + "[" + i + "]"));
        }
        return result;
    }

    <T> List<T> nullableArray(String field, int maxEntries, BiFunction<JsonNode, String, T> element) {
        return isNull(field) ? null : array(field, maxEntries, element);
    }

    <T> T object(String field, BiFunction<JsonNode, String, T> reader) {
        return reader.apply(raw(field), child(field));
    }

    <T> T nullableObject(String field, BiFunction<JsonNode, String, T> reader) {
        return isNull(field) ? null : object(field, reader);
    }

    private static String rangeText(long min, long max) {
        if (max == Long.MAX_VALUE) {
            return "expected an integer >= " + min;
        }
        return "expected an integer from " + min + " to " + max;
    }

    static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a fraction";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}

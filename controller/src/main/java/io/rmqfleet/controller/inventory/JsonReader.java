package io.rmqfleet.controller.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's {@code json.loads} as Ansible's loader tries it before YAML: JSON numbers keep JSON's types
 * ({@code 1e3} is a float here, a string in YAML), NaN/Infinity are accepted, duplicate keys keep the last value,
 * and {@code {"__ansible_unsafe": ...}} becomes {@link UnsafeText}.
 */
final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        // Python reads integers up to 4300 digits; Jackson's default stops at 1000.
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNumberLength(4300).build())
        .build();

    private final String file;
    private final JsonParser parser;

    private JsonReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** The document if {@code text} is exactly one JSON value, else empty (the caller then tries YAML). */
    static Optional<DataNode> tryRead(String text, String file) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || "{[\"-0123456789tfnNI".indexOf(trimmed.charAt(0)) < 0) {
            return Optional.empty(); // cheap exit: cannot be JSON
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonReader reader = new JsonReader(file, parser);
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            DataNode root = reader.value();
            if (parser.nextToken() != null) {
                return Optional.empty(); // "Extra data"
            }
            return Optional.of(root);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private SourceLocation here() {
        JsonLocation loc = parser.currentTokenLocation();
        return new SourceLocation(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    private DataNode value() throws IOException {
        SourceLocation location = here();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return object(location);
            case START_ARRAY: {
                List<DataNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value());
                }
                return new DataNode.Sequence(location, items);
            }
            case VALUE_STRING:
                return new DataNode.Scalar(location, parser.getText());
            case VALUE_NUMBER_INT: {
                java.math.BigInteger big = parser.getBigIntegerValue();
                return new DataNode.Scalar(location, big.bitLength() < 64 ? (Object) big.longValue() : big);
            }
            case VALUE_NUMBER_FLOAT:
                return new DataNode.Scalar(location, parser.getDoubleValue());
            case VALUE_TRUE:
                return new DataNode.Scalar(location, Boolean.TRUE);
            case VALUE_FALSE:
                return new DataNode.Scalar(location, Boolean.FALSE);
            case VALUE_NULL:
                return new DataNode.Scalar(location, null);
            default:
                throw new IOException("unexpected JSON token " + token);
        }
    }

    private DataNode object(SourceLocation location) throws IOException {
        Map<String, Integer> positions = new LinkedHashMap<>();
        List<DataNode.Entry> entries = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            SourceLocation keyLocation = here();
            String name = parser.currentName();
            parser.nextToken();
            DataNode value = value();
            DataNode.Entry entry = new DataNode.Entry(new DataNode.Scalar(keyLocation, name), value);
            Integer existing = positions.get(name);
            if (existing != null) {
                entries.set(existing, new DataNode.Entry(entries.get(existing).key(), value));
            } else {
                positions.put(name, entries.size());
                entries.add(entry);
            }
        }
        if (positions.containsKey("__ansible_unsafe")) {
            return wrapUnsafe(entries.get(positions.get("__ansible_unsafe")).value());
        }
        return new DataNode.Mapping(location, entries);
    }

    /** Ansible's wrap_var: every string inside becomes unsafe. */
    static DataNode wrapUnsafe(DataNode node) {
        if (node instanceof DataNode.Scalar s) {
            return s.value() instanceof String text ? new DataNode.Scalar(s.location(), new UnsafeText(text)) : s;
        }
        if (node instanceof DataNode.Sequence seq) {
            return new DataNode.Sequence(seq.location(), seq.items().stream().map(JsonReader::wrapUnsafe).toList());
        }
        DataNode.Mapping map = (DataNode.Mapping) node;
        return new DataNode.Mapping(map.location(), map.entries().stream()
            .map(e -> new DataNode.Entry(e.key(), wrapUnsafe(e.value()))).toList());
    }
}

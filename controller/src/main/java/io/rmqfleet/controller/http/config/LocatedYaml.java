package io.rmqfleet.controller.http.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a JSON tree that remembers where each value was written, so configuration errors can say
 * {@code file:line:col}. Keys are JSON pointers ({@code /liveness/interval}).
 */
final class LocatedYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    /** Suffix of a pointer that means "where the key itself was written". */
    static final String KEY = "#key";
    private final Path file;
    private final JsonNode root;
    private final Map<String, JsonLocation> locations;

    private LocatedYaml(Path file, JsonNode root, Map<String, JsonLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    static LocatedYaml read(Path file, String text) {
        Map<String, JsonLocation> locations = new HashMap<>();
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new LocatedYaml(file, JsonNodeFactory.instance.objectNode(), locations);
            }
            JsonNode root = value(p, "", locations, file);
            return new LocatedYaml(file, root, locations);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InputException(location(file, at), "invalid YAML: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot read: " + e.getMessage());
        }
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, JsonLocation> locations, Path file)
            throws IOException {
        locations.put(pointer, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name;
                    locations.put(child + KEY, p.currentTokenLocation());
                    if (obj.has(name)) {
                        throw new InputException(location(file, p.currentTokenLocation()),
                                "duplicate key '" + name + "'");
                    }
                    p.nextToken();
                    obj.set(name, value(p, child, locations, file));
                    locations.putIfAbsent(child, p.currentTokenLocation());
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(value(p, pointer + "/" + i++, locations, file));
                }
                return arr;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new InputException(location(file, p.currentTokenLocation()),
                    "unsupported YAML value " + t);
        }
    }

    /** SnakeYAML's messages span lines with a source excerpt and a caret: keep the words only. */
    static String oneLine(String message) {
        return message.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("in 'reader'") && !l.equals("^"))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    JsonNode root() {
        return root;
    }

    Path file() {
        return file;
    }

    /** Where the value at {@code pointer} (or, when absent, its nearest ancestor) was written. */
    SourceLocation at(String pointer) {
        String p = pointer;
        while (true) {
            JsonLocation l = locations.get(p);
            if (l != null) {
                return location(file, l);
            }
            if (p.isEmpty()) {
                return SourceLocation.of(file, 1, 1);
            }
            p = p.endsWith(KEY) ? p.substring(0, p.length() - KEY.length()) : p.substring(0, p.lastIndexOf('/'));
        }
    }

    InputException error(String pointer, String message) {
        return new InputException(at(pointer), message);
    }

    private static SourceLocation location(Path file, JsonLocation l) {
        if (l == null) {
            return SourceLocation.of(file, 0, 0);
        }
        return SourceLocation.of(file, l.getLineNr(), l.getColumnNr());
    }
}

package io.rmqfleet.common.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The wire format of {@link AgentReport}: snake_case JSON, timestamps as ISO-8601 UTC instants, every field
 * always present (null where the record allows it). Reading is strict and fails with
 * {@link InvalidReportException} naming the JSONPath of the first bad value.
 */
public final class AgentReports {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("rmqfleet-instant").addSerializer(Instant.class, new InstantSerializer()))
            .build();

    private AgentReports() {
    }

    /** The configured mapper: share it, don't reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Checks a parsed JSON document against the format; throws on the first problem. */
    public static void validate(JsonNode json) {
        AgentReportReader.read(json);
    }

    public static AgentReport parse(JsonNode json) {
        return AgentReportReader.read(json);
    }

    /** Parses raw request bytes; malformed JSON is reported with path {@code $} and its line and column. */
    public static AgentReport parse(byte[] json) {
        return parse(readTree(json));
    }

    public static AgentReport parse(String json) {
        return parse(readTree(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** Parses JSON syntax only (duplicate keys and trailing data rejected), without checking the format. */
    public static JsonNode readTree(byte[] json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            JsonNode tree = MAPPER.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new InvalidReportException("$", "empty body, expected a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidReportException("$", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] toJsonBytes(AgentReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an AgentReport", e);
        }
    }

    public static String toJson(AgentReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an AgentReport", e);
        }
    }

    public static JsonNode toTree(AgentReport report) {
        return MAPPER.valueToTree(report);
    }

    /** {@link Instant#toString()}: ISO-8601 in UTC with a trailing Z, as {@link Instant#parse} reads it back. */
    private static final class InstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        InstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }
}

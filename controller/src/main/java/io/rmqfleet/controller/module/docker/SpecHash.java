package io.rmqfleet.controller.module.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rmqfleet.controller.module.support.Hashing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The canonical JSON of a container spec (keys sorted at every level, no whitespace, absent values left out)
 * and its SHA-256, stored in the container's {@code rmqfleet.spec-hash} label. Same meaning, same hash; any
 * difference in the rendered spec, a different hash.
 */
public final class SpecHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SpecHash() {
    }

    public static String canonicalJson(ContainerSpec spec) {
        return write(CANONICAL, spec.toMap());
    }

    public static String of(ContainerSpec spec) {
        return Hashing.sha256(canonicalJson(spec).getBytes(StandardCharsets.UTF_8));
    }

    /** Indented JSON in the spec's own key order, for diffs people read. */
    static String pretty(Map<String, Object> map) {
        return write(PRETTY, map).replace("\r\n", "\n") + "\n";
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a container spec", e);
        }
    }
}

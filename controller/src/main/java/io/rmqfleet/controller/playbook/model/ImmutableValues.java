package io.rmqfleet.controller.playbook.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep read-only copies of YAML values (maps keep their order, nulls are allowed, unlike {@code Map.copyOf}).
 * The plan is shared by all executor threads, so nothing reachable from it may be mutable.
 */
public final class ImmutableValues {

    private ImmutableValues() {
    }

    public static Map<String, Object> map(Map<String, ?> source) {
        if (source == null || source.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, value(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    public static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(k, value(x)));
            return Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            for (Object x : l) {
                copy.add(value(x));
            }
            return Collections.unmodifiableList(copy);
        }
        return v;
    }
}

package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.SourceLocation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML or JSON document that still knows where each part was written, so structural mistakes in an
 * inventory can be reported as {@code file:line:col}. {@link #toValue()} gives the plain Java value
 * (String, Long, BigInteger, Double, Boolean, null, List, Map, {@link UnsafeText}, java.time dates).
 */
public sealed interface DataNode permits DataNode.Scalar, DataNode.Sequence, DataNode.Mapping {

    SourceLocation location();

    Object toValue();

    /** Python's truthiness, which Ansible uses in {@code data or {}}. */
    boolean isTruthy();

    record Scalar(SourceLocation location, Object value) implements DataNode {
        @Override
        public Object toValue() {
            return value;
        }

        @Override
        public boolean isTruthy() {
            if (value == null) {
                return false;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof Long l) {
                return l != 0;
            }
            if (value instanceof BigInteger b) {
                return b.signum() != 0;
            }
            if (value instanceof Double d) {
                return d != 0;
            }
            if (value instanceof CharSequence s) {
                return s.length() > 0;
            }
            return true;
        }
    }

    record Sequence(SourceLocation location, List<DataNode> items) implements DataNode {
        @Override
        public Object toValue() {
            List<Object> values = new ArrayList<>(items.size());
            items.forEach(i -> values.add(i.toValue()));
            return values;
        }

        @Override
        public boolean isTruthy() {
            return !items.isEmpty();
        }
    }

    /** Entries in first-seen key order; a repeated key keeps its first position and its last value, as in Python. */
    record Mapping(SourceLocation location, List<Entry> entries) implements DataNode {
        /** Keys keep their YAML types ({@code {1: a}} stays an int key, as in Python); JSON output stringifies them. */
        @Override
        public Map<Object, Object> toValue() {
            Map<Object, Object> values = new LinkedHashMap<>();
            entries.forEach(e -> values.put(e.key().toValue(), e.value().toValue()));
            return values;
        }

        /** A variables mapping: names as strings (as Ansible's JSON output shows them), values typed. */
        public Map<String, Object> toVars() {
            Map<String, Object> values = new LinkedHashMap<>();
            entries.forEach(e -> values.put(jsonKey(e.key().toValue()), e.value().toValue()));
            return values;
        }

        @Override
        public boolean isTruthy() {
            return !entries.isEmpty();
        }

        public Optional<DataNode> get(String key) {
            return entries.stream().filter(e -> key.equals(e.key().toValue())).map(Entry::value).findFirst();
        }
    }

    record Entry(DataNode key, DataNode value) {
    }

    /** How Python's json module writes a non-string dict key. */
    static String jsonKey(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Double d) {
            return PythonRepr.floatRepr(d);
        }
        if (key instanceof CharSequence || key instanceof Long || key instanceof BigInteger) {
            return key.toString();
        }
        return PythonRepr.str(key);
    }
}

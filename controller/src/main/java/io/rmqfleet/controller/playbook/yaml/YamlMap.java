package io.rmqfleet.controller.playbook.yaml;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A YAML mapping with its keys in file order; each key keeps its own location. */
public final class YamlMap implements YamlNode {

    /** One {@code key: value} pair. */
    public record Entry(YamlScalar key, YamlNode value) {
        public String name() {
            return String.valueOf(key.value());
        }
    }

    private final Map<String, Entry> entries;
    private final SourceLocation location;

    public YamlMap(List<Entry> entries, SourceLocation location) {
        LinkedHashMap<String, Entry> byName = new LinkedHashMap<>();
        for (Entry e : entries) {
            byName.put(e.name(), e);
        }
        this.entries = Collections.unmodifiableMap(byName);
        this.location = location;
    }

    @Override
    public SourceLocation location() {
        return location;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public YamlNode get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public Entry entry(String key) {
        return entries.get(key);
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Object toPlain() {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            out.put(e.key().value(), e.value().toPlain());
        }
        return out;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public String toString() {
        return "YamlMap" + entries.keySet() + "@" + location;
    }
}

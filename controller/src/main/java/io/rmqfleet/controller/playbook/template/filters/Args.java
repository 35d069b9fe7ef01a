package io.rmqfleet.controller.playbook.template.filters;

import java.util.Arrays;
import java.util.Map;

/** A filter's arguments as Python sees them: positional, then by keyword. */
public final class Args {

    private final Object[] positional;
    private final Map<String, Object> named;

    public Args(Object[] positional, Map<String, Object> named) {
        this.positional = positional == null ? new Object[0] : positional;
        this.named = named == null ? Map.of() : named;
    }

    /** Argument {@code index} (positional) or {@code name} (keyword), else {@code fallback}. */
    public Object get(int index, String name, Object fallback) {
        if (index >= 0 && index < positional.length) {
            return positional[index];
        }
        if (name != null && named.containsKey(name)) {
            return named.get(name);
        }
        return fallback;
    }

    public boolean bool(int index, String name, boolean fallback) {
        Object v = get(index, name, fallback);
        return v instanceof Boolean b ? b : io.rmqfleet.controller.playbook.template.Natives.truthy(v);
    }

    public String string(int index, String name, String fallback) {
        Object v = get(index, name, fallback);
        return v == null ? null : String.valueOf(v);
    }

    public int size() {
        return positional.length;
    }

    public Object[] positional() {
        return positional;
    }

    public Object[] positionalFrom(int index) {
        return index >= positional.length ? new Object[0] : Arrays.copyOfRange(positional, index, positional.length);
    }

    public Map<String, Object> named() {
        return named;
    }
}

package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.playbook.template.Lazy;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A read-only map whose values are computed on access. Used for {@code hostvars} (a thousand hosts' variables
 * are never built unless a template iterates them) and for {@code hostvars[h]} (each value templated when read,
 * as Ansible's HostVars does).
 */
final class LazyVarsMap extends AbstractMap<String, Object> implements Lazy {

    private final Supplier<Set<String>> keys;
    private final Predicate<String> has;
    private final Function<String, Object> value;

    LazyVarsMap(Supplier<Set<String>> keys, Predicate<String> has, Function<String, Object> value) {
        this.keys = keys;
        this.has = has;
        this.value = value;
    }

    /** A host's variables, templated with that host's own variables when read. */
    static LazyVarsMap of(Vars vars, Templar templar) {
        return new LazyVarsMap(vars::names, n -> vars.lookup(n) != Vars.MISSING, n -> {
            Object raw = vars.lookup(n);
            return raw == Vars.MISSING ? null : templar.template(raw, vars);
        });
    }

    @Override
    public Object get(Object key) {
        return key instanceof String k && has.test(k) ? value.apply(k) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String k && has.test(k);
    }

    /** Built by iteration, not hashing: hashing entries would walk (and template) every nested value. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        java.util.List<Entry<String, Object>> entries = new java.util.ArrayList<>();
        for (String k : keys.get()) {
            entries.add(new SimpleImmutableEntry<>(k, value.apply(k)));
        }
        return new java.util.AbstractSet<>() {
            @Override
            public java.util.Iterator<Entry<String, Object>> iterator() {
                return entries.iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public Set<String> keySet() {
        return keys.get();
    }

    @Override
    public int size() {
        return keys.get().size();
    }

    @Override
    public String toString() {
        return "{...}";
    }
}

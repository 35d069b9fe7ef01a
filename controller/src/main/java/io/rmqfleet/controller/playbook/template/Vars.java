package io.rmqfleet.controller.playbook.template;

import java.util.Map;
import java.util.Set;

/**
 * The variables a template sees. Values are raw (they may themselves hold templates, which the {@link Templar}
 * renders lazily when they are used, as Ansible does).
 */
public interface Vars {

    /** Returned by {@link #lookup} for a variable that is not defined (a defined variable may be null). */
    Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<undefined>";
        }
    };

    /** The raw value, or {@link #MISSING}. */
    Object lookup(String name);

    /** Every defined name (for iteration, {@code vars}, {@code hostvars[h]} as a whole). */
    Set<String> names();

    static Vars of(Map<String, ?> map) {
        return new Vars() {
            @Override
            public Object lookup(String name) {
                Object v = map.get(name);
                return v != null || map.containsKey(name) ? v : MISSING;
            }

            @Override
            public Set<String> names() {
                return map.keySet();
            }
        };
    }

    /** {@code top} shadows this. */
    default Vars with(Map<String, ?> top) {
        Vars base = this;
        return new Vars() {
            @Override
            public Object lookup(String name) {
                Object v = top.get(name);
                if (v != null || top.containsKey(name)) {
                    return v;
                }
                return base.lookup(name);
            }

            @Override
            public Set<String> names() {
                Set<String> all = new java.util.LinkedHashSet<>(base.names());
                all.addAll(top.keySet());
                return all;
            }
        };
    }
}

package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.playbook.template.Vars;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Variables from several maps, highest precedence first; a name is taken from the first map that has it (whole
 * values replace each other, as Ansible's default {@code hash_behaviour=replace}). No copying: lookups walk the
 * layers, so building a view per host and task is cheap.
 */
final class LayeredVars implements Vars {

    private final List<Map<String, ?>> highestFirst;

    LayeredVars(List<Map<String, ?>> highestFirst) {
        this.highestFirst = highestFirst;
    }

    @Override
    public Object lookup(String name) {
        for (Map<String, ?> layer : highestFirst) {
            Object v = layer.get(name);
            if (v != null || layer.containsKey(name)) {
                return v;
            }
        }
        return MISSING;
    }

    @Override
    public Set<String> names() {
        Set<String> all = new LinkedHashSet<>();
        for (int i = highestFirst.size() - 1; i >= 0; i--) {
            all.addAll(highestFirst.get(i).keySet());
        }
        return all;
    }
}

package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of a {@code loop:} / {@code with_items:} for one host: templated with the task's variables;
 * {@code loop} wants a list, {@code with_items} also takes a single value and flattens nested lists one level.
 */
final class LoopItems {
    private LoopItems() {
    }

    static List<Object> of(Loop loop, Templar templar, Vars vars) {
        Object value = templar.template(loop.items(), vars);
        if (loop.flatten()) {
            return flattenOnce(value);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new TemplateError("Invalid data passed to 'loop', it requires a list, got this instead: "
            + PyStr.str(value) + ". Hint: If you passed a list/dict of just one element, try adding wantlist=True"
            + " to your lookup invocation or use q/query instead of lookup.", null);
    }

    private static List<Object> flattenOnce(Object value) {
        List<Object> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof List<?> list)) {
            out.add(value);
            return out;
        }
        for (Object item : list) {
            if (item instanceof List<?> inner) {
                out.addAll(inner);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    /** What {@code (item=...)} shows: loop_control.label when given, else the item as Python prints it. */
    static String label(Loop loop, Object item, Templar templar, Vars itemVars) {
        if (loop.label() != null) {
            try {
                return PyStr.str(templar.template(loop.label(), itemVars));
            } catch (TemplateError e) {
                return loop.label();
            }
        }
        return PyStr.str(item);
    }
}

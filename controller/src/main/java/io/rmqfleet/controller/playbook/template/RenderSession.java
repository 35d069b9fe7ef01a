package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * State of one top-level templating call. Implements Ansible's StrictUndefined on top of jinjava: every use of
 * an undefined variable or missing key yields an {@link Undefined} that stays pending until {@code default} or a
 * {@code defined} test consumes it; anything still pending when rendering ends is an error naming the variable.
 * Variables are rendered lazily (a var holding {@code "{{ other }}"} is templated when used), once per call,
 * with recursion detection.
 */
final class RenderSession {

    private static final Object NULL = new Object();

    private final Templar templar;
    private final Vars vars;
    private final List<Undefined> pending = new ArrayList<>();
    private final Map<String, Object> cache = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private TemplateError failure;

    RenderSession(Templar templar, Vars vars) {
        this.templar = templar;
        this.vars = vars;
    }

    /** The session of the template being rendered by {@code interpreter} (for filters and tests). */
    static RenderSession of(JinjavaInterpreter interpreter) {
        Context c = interpreter == null ? null : interpreter.getContext();
        while (c != null && !(c instanceof StrictContext)) {
            c = c.getParent();
        }
        return c == null ? null : ((StrictContext) c).session();
    }

    Templar templar() {
        return templar;
    }

    Vars vars() {
        return vars;
    }

    /** Looks up a variable for jinjava; an undefined one yields a pending {@link Undefined}. */
    Object resolve(String name) {
        Object cached = cache.get(name);
        if (cached != null) {
            return cached == NULL ? null : cached;
        }
        Object raw = vars.lookup(name);
        if (raw == Vars.MISSING) {
            // Jinja2's literal spellings that jinjava's expression language does not know.
            switch (name) {
                case "None", "none" -> {
                    return null;
                }
                case "True" -> {
                    return Boolean.TRUE;
                }
                case "False" -> {
                    return Boolean.FALSE;
                }
                default -> {
                    return undefined("'" + name + "' is undefined", name);
                }
            }
        }
        Object value = raw;
        if (Templar.containsTemplate(raw)) {
            if (!resolving.add(name)) {
                fail(new TemplateError("recursive loop detected in template for variable '" + name + "'", null));
                return null;
            }
            int before = pending.size();
            try {
                value = templar.templateIn(raw, this);
            } finally {
                resolving.remove(name);
            }
            if (pending.size() > before) {
                // Something this variable refers to is undefined, so the variable is too (until a default).
                Undefined first = pending.get(before);
                pending.subList(before, pending.size()).clear();
                pending.add(first);
                return first;
            }
        }
        cache.put(name, value == null ? NULL : value);
        return value;
    }

    Undefined undefined(String description, String variable) {
        Undefined u = new Undefined(description, variable);
        pending.add(u);
        return u;
    }

    void consume(Undefined u) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i) == u) {
                pending.remove(i);
                return;
            }
        }
    }

    /** Drops the most recent record if it is exactly {@code description} (a probe, not a use). */
    void forget(String description) {
        if (!pending.isEmpty() && pending.get(pending.size() - 1).description().equals(description)) {
            pending.remove(pending.size() - 1);
        }
    }

    void fail(TemplateError error) {
        if (failure == null) {
            failure = error;
        }
    }

    /** Throws for the first undefined value still pending (usually the root cause), else the first failure. */
    void check() {
        if (!pending.isEmpty()) {
            Undefined first = pending.get(0);
            throw new TemplateError(first.description(), first.variable());
        }
        if (failure != null) {
            throw failure;
        }
    }
}

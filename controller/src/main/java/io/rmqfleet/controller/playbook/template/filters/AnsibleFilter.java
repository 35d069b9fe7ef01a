package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.rmqfleet.controller.playbook.template.Natives;
import io.rmqfleet.controller.playbook.template.TemplateError;
import java.util.Map;

/**
 * Base of the filters rmqfleet adds or replaces: receives native argument objects (jinjava's default path turns
 * them into strings) and reports misuse as a {@link TemplateError} naming the filter.
 */
public abstract class AnsibleFilter implements Filter {

    private final String name;

    protected AnsibleFilter(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    protected abstract Object apply(Object value, Args args, JinjavaInterpreter interpreter);

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        try {
            return apply(unwrap(var), new Args(unwrapAll(args), kwargs), interpreter);
        } catch (TemplateError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TemplateError("filter '" + name + "' failed: " + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()), null, e);
        }
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        return filter(var, interpreter, (Object[]) args, Map.of());
    }

    @Override
    public boolean preserveSafeString() {
        return false;
    }

    protected TemplateError misuse(String message) {
        return new TemplateError(name + ": " + message, null);
    }

    /** Shallow on purpose: deep-copying would materialise lazy maps such as {@code hostvars}. */
    private static Object unwrap(Object v) {
        if (v instanceof com.hubspot.jinjava.objects.SafeString s) {
            return s.toString();
        }
        if (v instanceof Object[] || v instanceof Long || v instanceof CharSequence && !(v instanceof String)) {
            return Natives.plain(v);
        }
        return v;
    }

    private static Object[] unwrapAll(Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = unwrap(args[i]);
        }
        return out;
    }
}

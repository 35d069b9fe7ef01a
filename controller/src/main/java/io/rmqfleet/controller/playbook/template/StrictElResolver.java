package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * jinjava's property resolver with Ansible's strictness and Python's string methods: {@code d.missing} and
 * {@code l[99]} are recorded as undefined (jinjava would quietly give null), and {@code 'a,b'.split(',')},
 * {@code s.startswith('x')}, {@code s.strip()} ... behave like Python's str methods.
 */
final class StrictElResolver extends ELResolver {

    private final ELResolver delegate = JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY;

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof Undefined) {
            // Chainable, like Ansible's AnsibleUndefined: foo.bar of an undefined foo is still that undefined.
            context.setPropertyResolved(true);
            return base;
        }
        if (base instanceof String text && isIndex(property)) {
            // Python string indexing, which jinjava's bean resolver does not do.
            int index = Integer.parseInt(String.valueOf(property));
            int at = index < 0 ? text.length() + index : index;
            context.setPropertyResolved(true);
            if (at >= 0 && at < text.length()) {
                return String.valueOf(text.charAt(at));
            }
            RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
            return session == null ? null : session.undefined("'str object' has no element " + index, String.valueOf(index));
        }
        Object value = delegate.getValue(context, base, property);
        if (value == null && base != null) {
            RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
            if (session != null) {
                if (base instanceof Map<?, ?> m && !hasKey(m, property)) {
                    context.setPropertyResolved(true);
                    return session.undefined(missingAttribute(property), String.valueOf(property));
                } else if (base instanceof List<?> l && outOfRange(l, property)) {
                    context.setPropertyResolved(true);
                    return session.undefined("'list object' has no element " + property, String.valueOf(property));
                }
            }
        }
        return value;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof Undefined) {
            context.setPropertyResolved(true);
            return base;
        }
        RenderSession session = RenderSession.of(JinjavaInterpreter.getCurrent());
        if (base instanceof Map<?, ?> && session != null) {
            // jinjava probes d.items as a property before calling d.items(): that probe is not an undefined use.
            session.forget(missingAttribute(method));
        }
        if (base instanceof String s && method instanceof String name && PythonStrings.supports(name)) {
            context.setPropertyResolved(true);
            return PythonStrings.invoke(s, name, params == null ? new Object[0] : params);
        }
        return delegate.invoke(context, base, method, paramTypes, params);
    }

    private static boolean isIndex(Object property) {
        if (property instanceof Integer || property instanceof Long) {
            return true;
        }
        return property instanceof String p && p.matches("-?\\d{1,9}");
    }

    private static String missingAttribute(Object property) {
        return "'dict object' has no attribute '" + property + "'";
    }

    private static boolean hasKey(Map<?, ?> m, Object property) {
        if (m.containsKey(property)) {
            return true;
        }
        String text = String.valueOf(property);
        if (m.containsKey(text)) {
            return true;
        }
        for (Object key : m.keySet()) {
            if (key != null && String.valueOf(key).equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean outOfRange(List<?> l, Object property) {
        try {
            long index = property instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(property));
            return index >= l.size() || index < -l.size();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return delegate.getType(context, base, property);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        delegate.setValue(context, base, property, value);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return delegate.isReadOnly(context, base, property);
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return delegate.getFeatureDescriptors(context, base);
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return delegate.getCommonPropertyType(context, base);
    }
}

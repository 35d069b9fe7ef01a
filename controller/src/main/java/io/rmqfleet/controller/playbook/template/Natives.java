package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.objects.SafeString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts what jinjava hands back (PyList/PyMap wrappers, SafeString, arrays, Longs) into plain Java values of
 * the same shapes YAML gives: lists, ordered maps, strings, Integer when it fits, else Long/BigInteger.
 */
public final class Natives {

    private Natives() {
    }

    public static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
            || value instanceof Double || value instanceof Lazy) {
            return value;
        }
        if (value instanceof SafeString s) {
            return s.toString();
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof Long l) {
            if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return Integer.valueOf(l.intValue());
            }
            return l;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger b) {
            if (b.bitLength() < 32) {
                return Integer.valueOf(b.intValue());
            }
            if (b.bitLength() < 64) {
                return Long.valueOf(b.longValue());
            }
            return b;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(plain(e.getKey()), plain(e.getValue()));
            }
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(plain(o));
            }
            return out;
        }
        if (value instanceof Object[] array) {
            List<Object> out = new ArrayList<>(array.length);
            for (Object o : array) {
                out.add(plain(o));
            }
            return out;
        }
        if (value instanceof Character ch) {
            return ch.toString();
        }
        return value;
    }

    /** Python truthiness: None, False, 0, "", empty list/dict are false. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (value instanceof Object[] a) {
            return a.length > 0;
        }
        return true;
    }
}

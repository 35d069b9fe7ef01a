package io.rmqfleet.controller.inventory;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python dict key equality: {@code 1}, {@code 1.0} and {@code True} are the same key (the first spelling is kept,
 * the last value wins). Used where YAML mappings and INI dict literals are built.
 */
final class PythonKeys {
    private PythonKeys() {
    }

    /** A Java object that is equal for keys Python considers equal. */
    static Object equalityKey(Object key) {
        if (key instanceof Boolean b) {
            return BigInteger.valueOf(b ? 1 : 0);
        }
        if (key instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (key instanceof Double d && !d.isInfinite() && !d.isNaN() && d == Math.rint(d)) {
            return new BigDecimal(d).toBigInteger();
        }
        if (key instanceof UnsafeText u) {
            return u.text();
        }
        return key;
    }
}

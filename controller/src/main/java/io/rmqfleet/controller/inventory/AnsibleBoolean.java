package io.rmqfleet.controller.inventory;

import java.util.Locale;

/** Ansible's {@code boolean()} conversion used for flags such as {@code ansible_become}. */
public final class AnsibleBoolean {
    private AnsibleBoolean() {
    }

    public static boolean parse(Object value, String what) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (value instanceof CharSequence text) {
            switch (text.toString().trim().toLowerCase(Locale.ROOT)) {
                case "y", "yes", "on", "1", "true", "t", "1.0":
                    return true;
                case "n", "no", "off", "0", "false", "f", "0.0":
                    return false;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("The value '" + PythonRepr.str(value) + "' of " + what
            + " is not a valid boolean. Valid booleans include: 'y', 'yes', 'on', '1', 'true', 't', 1, 1.0, True, "
            + "'n', 'no', 'off', '0', 'false', 'f', 0, 0.0, False");
    }
}

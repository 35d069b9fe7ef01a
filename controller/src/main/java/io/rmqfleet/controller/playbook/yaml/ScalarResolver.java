package io.rmqfleet.controller.playbook.yaml;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Turns one scalar token into a Java value with PyYAML's YAML 1.1 rules (what Ansible sees): quoted scalars stay
 * strings, {@code 0755} is octal, {@code 1_000} is 1000, {@code 1e3} (no dot) is a string, {@code .inf} a float.
 */
final class ScalarResolver {

    private ScalarResolver() {
    }

    static Object resolve(JsonToken token, YAMLParser parser) throws IOException {
        String text = parser.getText();
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> integer(text);
            case VALUE_NUMBER_FLOAT -> floating(text);
            default -> text;
        };
    }

    static Object integer(String text) {
        String t = text.replace("_", "");
        boolean negative = false;
        if (t.startsWith("-") || t.startsWith("+")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        try {
            BigInteger value;
            if (t.startsWith("0x") || t.startsWith("0X")) {
                value = new BigInteger(t.substring(2), 16);
            } else if (t.startsWith("0b") || t.startsWith("0B")) {
                value = new BigInteger(t.substring(2), 2);
            } else if (t.length() > 1 && t.startsWith("0")) {
                value = new BigInteger(t.substring(1), 8);
            } else {
                value = new BigInteger(t);
            }
            return narrow(negative ? value.negate() : value);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static Object floating(String text) {
        String t = text.replace("_", "");
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case ".inf", "+.inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan" -> {
                return Double.NaN;
            }
            default -> {
                // PyYAML's YAML 1.1 float needs a dot: 1e3 is a string there, and so for Ansible.
                if (!t.contains(".")) {
                    return text;
                }
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return text;
                }
            }
        }
    }

    private static Object narrow(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }
}

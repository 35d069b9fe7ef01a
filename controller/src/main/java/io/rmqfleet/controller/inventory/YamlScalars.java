package io.rmqfleet.controller.inventory;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * YAML 1.1 typing of plain scalars exactly as PyYAML (and so Ansible) does it: {@code yes}/{@code on} are booleans,
 * {@code 017} is octal, {@code 1:30} is 90, {@code 1e3} stays a string but {@code 1.0e+3} is a float,
 * {@code 2001-12-14} is a date. SnakeYAML's own resolver differs in several of these, so it is not used.
 */
final class YamlScalars {
    private static final Pattern BOOL = Pattern.compile(
        "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile(
        "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile(
        "[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TIMESTAMP = Pattern.compile(
        "(?<year>[0-9][0-9][0-9][0-9])-(?<month>[0-9][0-9]?)-(?<day>[0-9][0-9]?)"
            + "(?:(?:[Tt]|[ \\t]+)(?<hour>[0-9][0-9]?):(?<minute>[0-9][0-9]):(?<second>[0-9][0-9])"
            + "(?:\\.(?<fraction>[0-9]*))?"
            + "(?:[ \\t]*(?<tz>Z|(?<tzSign>[-+])(?<tzHour>[0-9][0-9]?)(?::(?<tzMinute>[0-9][0-9]))?))?)?");
    private static final Pattern TIMESTAMP_RESOLVER = Pattern.compile(
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
            + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");

    /** What a plain scalar resolves to. */
    enum Kind { BOOL, FLOAT, INT, MERGE, NULL, TIMESTAMP, VALUE, STR }

    private YamlScalars() {
    }

    static Kind resolvePlain(String value) {
        if (BOOL.matcher(value).matches()) {
            return Kind.BOOL;
        }
        if (FLOAT.matcher(value).matches()) {
            return Kind.FLOAT;
        }
        if (INT.matcher(value).matches()) {
            return Kind.INT;
        }
        if (value.equals("<<")) {
            return Kind.MERGE;
        }
        if (NULL.matcher(value).matches()) {
            return Kind.NULL;
        }
        if (TIMESTAMP_RESOLVER.matcher(value).matches()) {
            return Kind.TIMESTAMP;
        }
        if (value.equals("=")) {
            return Kind.VALUE;
        }
        return Kind.STR;
    }

    static Boolean toBool(String value) {
        return switch (value.toLowerCase()) {
            case "yes", "true", "on" -> Boolean.TRUE;
            case "no", "false", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a YAML boolean: " + value);
        };
    }

    /** PyYAML's construct_yaml_int. */
    static Object toInt(String raw) {
        try {
            return toIntUnchecked(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid literal for int() with base 10: '" + raw + "'");
        }
    }

    private static Object toIntUnchecked(String raw) {
        String value = raw.replace("_", "");
        int sign = 1;
        if (value.startsWith("-")) {
            sign = -1;
        }
        if (value.startsWith("-") || value.startsWith("+")) {
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("invalid literal for int(): " + raw);
        }
        BigInteger result;
        if (value.equals("0")) {
            result = BigInteger.ZERO;
        } else if (value.startsWith("0b")) {
            result = new BigInteger(requireDigits(value.substring(2), raw), 2);
        } else if (value.startsWith("0x")) {
            result = new BigInteger(requireDigits(value.substring(2), raw), 16);
        } else if (value.charAt(0) == '0') {
            result = new BigInteger(value, 8);
        } else if (value.contains(":")) {
            result = BigInteger.ZERO;
            for (String part : value.split(":")) {
                result = result.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            result = new BigInteger(value);
        }
        if (sign < 0) {
            result = result.negate();
        }
        return result.bitLength() < 64 ? (Object) result.longValue() : result;
    }

    private static String requireDigits(String digits, String raw) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("invalid literal for int(): " + raw);
        }
        return digits;
    }

    /** PyYAML's construct_yaml_float. */
    static Double toFloat(String raw) {
        String value = raw.replace("_", "").toLowerCase();
        double sign = 1;
        if (value.startsWith("-")) {
            sign = -1;
        }
        if (value.startsWith("-") || value.startsWith("+")) {
            value = value.substring(1);
        }
        if (value.equals(".inf")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (value.equals(".nan")) {
            return Double.NaN;
        }
        if (value.contains(":")) {
            double result = 0;
            for (String part : value.split(":")) {
                result = result * 60 + Double.parseDouble(part);
            }
            return sign * result;
        }
        try {
            return sign * Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("could not convert string to float: '" + raw + "'");
        }
    }

    /** PyYAML's construct_yaml_timestamp: a date, a naive datetime, or one with a UTC offset. */
    static Object toTimestamp(String raw) {
        Matcher m = TIMESTAMP.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timestamp: " + raw);
        }
        try {
            int year = Integer.parseInt(m.group("year"));
            int month = Integer.parseInt(m.group("month"));
            int day = Integer.parseInt(m.group("day"));
            if (m.group("hour") == null) {
                return LocalDate.of(year, month, day);
            }
            int nanos = 0;
            if (m.group("fraction") != null && !m.group("fraction").isEmpty()) {
                String fraction = m.group("fraction");
                fraction = fraction.length() > 6 ? fraction.substring(0, 6) : fraction;
                nanos = Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group("hour")),
                Integer.parseInt(m.group("minute")), Integer.parseInt(m.group("second")), nanos);
            if (m.group("tzSign") != null) {
                int hours = Integer.parseInt(m.group("tzHour"));
                int minutes = m.group("tzMinute") == null ? 0 : Integer.parseInt(m.group("tzMinute"));
                int seconds = hours * 3600 + minutes * 60;
                return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(m.group("tzSign").equals("-") ? -seconds : seconds));
            }
            if (m.group("tz") != null) {
                return OffsetDateTime.of(local, ZoneOffset.UTC);
            }
            return local;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}

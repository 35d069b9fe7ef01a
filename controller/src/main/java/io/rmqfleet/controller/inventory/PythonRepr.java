package io.rmqfleet.controller.inventory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} of inventory values, as {@code ansible-inventory --graph --vars} prints
 * them ({@code {port = 22}}, {@code {list = ['a', 1, True]}}), plus Python's float repr shared with the JSON writer.
 */
public final class PythonRepr {
    private PythonRepr() {
    }

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return isoFormat(value, ' ');
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        StringBuilder out = new StringBuilder();
        appendRepr(out, value);
        return out.toString();
    }

    private static void appendRepr(StringBuilder out, Object value) {
        if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean b) {
            out.append(b ? "True" : "False");
        } else if (value instanceof Double d) {
            out.append(floatRepr(d));
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof CharSequence text) {
            appendStringRepr(out, text.toString());
        } else if (value instanceof PythonTuple tuple) {
            out.append('(');
            appendItems(out, tuple);
            out.append(tuple.size() == 1 ? ",)" : ")");
        } else if (value instanceof List<?> list) {
            out.append('[');
            appendItems(out, list);
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                appendRepr(out, e.getKey());
                out.append(": ");
                appendRepr(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof LocalDate d) {
            out.append("datetime.date(").append(d.getYear()).append(", ").append(d.getMonthValue()).append(", ")
                .append(d.getDayOfMonth()).append(')');
        } else if (value instanceof LocalDateTime dt) {
            out.append("datetime.datetime(").append(dateTimeArgs(dt)).append(')');
        } else if (value instanceof OffsetDateTime odt) {
            out.append("datetime.datetime(").append(dateTimeArgs(odt.toLocalDateTime())).append(", tzinfo=")
                .append(timezoneRepr(odt.getOffset())).append(')');
        } else {
            out.append(value);
        }
    }

    private static void appendItems(StringBuilder out, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            appendRepr(out, items.get(i));
        }
    }

    private static String dateTimeArgs(LocalDateTime dt) {
        int micros = dt.getNano() / 1000;
        StringBuilder args = new StringBuilder();
        args.append(dt.getYear()).append(", ").append(dt.getMonthValue()).append(", ").append(dt.getDayOfMonth())
            .append(", ").append(dt.getHour()).append(", ").append(dt.getMinute());
        if (micros != 0) {
            args.append(", ").append(dt.getSecond()).append(", ").append(micros);
        } else if (dt.getSecond() != 0) {
            args.append(", ").append(dt.getSecond());
        }
        return args.toString();
    }

    private static String timezoneRepr(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "datetime.timezone.utc";
        }
        long days = Math.floorDiv(seconds, 86400);
        long rest = Math.floorMod(seconds, 86400);
        String delta = days != 0 ? "days=" + days + (rest != 0 ? ", seconds=" + rest : "") : "seconds=" + rest;
        return "datetime.timezone(datetime.timedelta(" + delta + "))";
    }

    /** {@code date.isoformat()} / {@code datetime.isoformat(sep)} as Python prints YAML timestamps. */
    static String isoFormat(Object value, char sep) {
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        LocalDateTime dt = value instanceof OffsetDateTime odt ? odt.toLocalDateTime() : (LocalDateTime) value;
        StringBuilder out = new StringBuilder();
        out.append(dt.toLocalDate()).append(sep).append(String.format("%02d:%02d:%02d", dt.getHour(),
            dt.getMinute(), dt.getSecond()));
        int micros = dt.getNano() / 1000;
        if (micros != 0) {
            out.append(String.format(".%06d", micros));
        }
        if (value instanceof OffsetDateTime odt) {
            int total = odt.getOffset().getTotalSeconds();
            char sign = total < 0 ? '-' : '+';
            total = Math.abs(total);
            out.append(sign).append(String.format("%02d:%02d", total / 3600, (total % 3600) / 60));
            if (total % 60 != 0) {
                out.append(String.format(":%02d", total % 60));
            }
        }
        return out.toString();
    }

    /** Python's shortest round-trip {@code repr(float)}: 1000.0, 1e+16, 1e-05, inf, nan. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal exact = shortestRoundTrip(Math.abs(d));
        String digits = exact.unscaledValue().toString();
        int decimalPoint = digits.length() - exact.scale(); // value = 0.DIGITS * 10^decimalPoint
        if (decimalPoint <= -4 || decimalPoint > 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int exponent = decimalPoint - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        if (decimalPoint <= 0) {
            return sign + "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= digits.length()) {
            return sign + digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return sign + digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    /** The fewest significant digits that read back as the same double (Python's repr; JDK 17's toString is not always shortest). */
    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == d) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new java.math.MathContext(17, java.math.RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    private static void appendStringRepr(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        out.append(quote);
    }

    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }
}

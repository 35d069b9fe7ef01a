package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleArgumentException;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Docker writes them ({@code 30s}, {@code 1m30s}, {@code 500ms}, {@code 1h}); a bare number means
 * seconds. Parsed to {@link Duration} and printed back in one canonical form, so equal durations hash equally.
 */
final class GoDuration {
    private static final Pattern PART = Pattern.compile("(\\d+)(h|ms|m|s|us|ns)");

    private GoDuration() {
    }

    static Duration parse(String argName, Object value) {
        if (value instanceof Number n) {
            return Duration.ofSeconds(n.longValue());
        }
        String text = String.valueOf(value).trim();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        Matcher m = PART.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long amount = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "ms" -> Duration.ofMillis(amount);
                case "us" -> Duration.ofNanos(amount * 1000);
                default -> Duration.ofNanos(amount);
            });
            end = m.end();
        }
        if (text.isEmpty() || end != text.length()) {
            throw new ModuleArgumentException("argument '" + argName + "' must be a duration like 30s, 1m30s or 500ms, got '"
                    + value + "'");
        }
        return total;
    }

    /** Go's style without fractions: {@code 1h2m3s}, {@code 1m30s}, {@code 500ms}, {@code 0s}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0) {
            sb.append(minutes).append('m');
        }
        if (seconds > 0) {
            sb.append(seconds).append('s');
        }
        if (millis > 0) {
            sb.append(millis).append("ms");
        }
        if (sb.length() == 0) {
            sb.append(d.toNanos()).append("ns");
        }
        return sb.toString();
    }
}

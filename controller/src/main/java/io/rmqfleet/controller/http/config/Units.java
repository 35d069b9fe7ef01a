package io.rmqfleet.controller.http.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 30d}, bare seconds) and sizes. */
final class Units {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private Units() {
    }

    /** Null when the text is not a duration. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Bytes; K/M/G are powers of 1024. Null when the text is not a size. */
    static Long size(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit.charAt(0)) {
            case 'k' -> n * 1024;
            case 'm' -> n * 1024 * 1024;
            case 'g' -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}

package io.rmqfleet.agent;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: {@code 500ms}, {@code 5s}, {@code 2m}, or a bare number of seconds. */
final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private Durations() {
    }

    static Duration parse(String name, String text) throws ConfigException {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new ConfigException(name + ": expected a duration such as 500ms, 5s or 2m, got \"" + text + "\"");
        }
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(value);
            case "m" -> Duration.ofMinutes(value);
            default -> Duration.ofSeconds(value);
        };
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}

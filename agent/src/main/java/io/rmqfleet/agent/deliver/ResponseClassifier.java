package io.rmqfleet.agent.deliver;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Maps the controller's answer to an {@link Outcome}: what the agent does with the report next. */
public final class ResponseClassifier {
    private ResponseClassifier() {
    }

    /**
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header, or null
     * @param detail     the start of the body, for the log of a rejection
     * @param now        the current time, to turn an HTTP-date Retry-After into a delay
     */
    public static Outcome classify(int status, String retryAfter, String detail, Instant now) {
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(status);
        }
        if (status == 429) {
            return new Outcome.Retry("HTTP 429 Too Many Requests", retryAfterMillis(retryAfter, now));
        }
        if (status >= 400 && status < 500) {
            return new Outcome.Rejected(status, detail == null ? "" : detail);
        }
        if (status >= 500 && status < 600) {
            return new Outcome.Retry("HTTP " + status, retryAfterMillis(retryAfter, now));
        }
        // 1xx/3xx: a misconfigured URL (e.g. a redirect to https). Keep the reports until someone fixes it.
        return new Outcome.Retry("unexpected HTTP " + status, 0);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP-date; 0 when absent, unreadable or in the past. */
    static long retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Math.multiplyExact(Long.parseLong(value), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return Long.MAX_VALUE;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Math.max(0, at.toEpochMilli() - now.toEpochMilli());
        } catch (DateTimeParseException e) {
            return 0;
        }
    }
}

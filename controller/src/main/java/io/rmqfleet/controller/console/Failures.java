package io.rmqfleet.controller.console;

/** One readable line for an exception from RocketMQ's client: its message without the FAQ link and stack noise. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable t) {
        Throwable cause = t;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        int faq = message.indexOf("\nSee ");
        String line = (faq >= 0 ? message.substring(0, faq) : message).replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

package io.rmqfleet.controller.console;

/** One readable line for an exception from RocketMQ's client: its message without the FAQ link and stack noise. */
final class Failures {
    // Where RocketMQ's client starts appending its FAQ link.
    private static final String[] NOISE = {"\nSee ", "For more information, please visit"};

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
        String line = message;
        for (String noise : NOISE) {
            int at = line.indexOf(noise);
            if (at >= 0) {
                line = line.substring(0, at);
            }
        }
        line = line.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

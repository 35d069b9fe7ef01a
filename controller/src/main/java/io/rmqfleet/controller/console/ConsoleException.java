package io.rmqfleet.controller.console;

/** A console view that cannot be had; the message is for the person looking at the console. */
final class ConsoleException extends RuntimeException {
    ConsoleException(String message) {
        super(message);
    }

    ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}

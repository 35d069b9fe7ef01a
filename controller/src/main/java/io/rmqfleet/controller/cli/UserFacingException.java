package io.rmqfleet.controller.cli;

/**
 * An error meant for the operator: its message is printed as-is (no stack trace) and the process exits with
 * {@link #exitCode()}. Parse errors carry "file:line:col: message" and exit 4.
 */
public class UserFacingException extends RuntimeException {
    private final int exitCode;

    public UserFacingException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserFacingException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

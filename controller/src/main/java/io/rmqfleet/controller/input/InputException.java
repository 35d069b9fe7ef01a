package io.rmqfleet.controller.input;

/**
 * Bad operator input (inventory, playbook, role, vars file, extra vars): reported as one line
 * {@code file:line:col: message}, exit code 4, and nothing is executed.
 */
public class InputException extends RuntimeException {
    private final SourceLocation location;

    public InputException(SourceLocation location, String message) {
        super(message);
        this.location = location;
    }

    public InputException(SourceLocation location, String message, Throwable cause) {
        super(message, cause);
        this.location = location;
    }

    public SourceLocation location() {
        return location;
    }

    /** The one line shown to the operator. */
    public String describe() {
        return location + ": " + getMessage();
    }
}

package io.rmqfleet.controller.playbook.template;

/**
 * A template could not be rendered: an undefined variable ({@link #variable()} names it), a syntax error, an
 * unknown filter or a filter failure. The message says what; callers add where ({@link #at(String)}).
 */
public class TemplateError extends RuntimeException {

    private final String variable;

    public TemplateError(String message, String variable) {
        super(message);
        this.variable = variable;
    }

    public TemplateError(String message, String variable, Throwable cause) {
        super(message, cause);
        this.variable = variable;
    }

    public static TemplateError undefined(String variable) {
        return new TemplateError("'" + variable + "' is undefined", variable);
    }

    /** The undefined variable, or null when the error is of another kind. */
    public String variable() {
        return variable;
    }

    public boolean isUndefined() {
        return variable != null;
    }

    /** The same error with a prefix saying where it happened, e.g. {@code "site.yml:12:7: task 'x'"}. */
    public TemplateError at(String where) {
        return new TemplateError(where + ": " + getMessage(), variable, this);
    }
}

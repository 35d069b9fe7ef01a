package io.rmqfleet.common.report;

/**
 * A report that does not follow the wire format. {@link #getMessage()} is one line, {@code path: reason}
 * (e.g. {@code $.containers[2].state: expected one of created,running,...}), fit to be the detail of a
 * 400 answer.
 */
public final class InvalidReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public InvalidReportException(String path, String reason) {
        super(path + ": " + reason, null, false, false);
        this.path = path;
        this.reason = reason;
    }

    /** The JSONPath of the offending value, {@code $} for the whole document. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}

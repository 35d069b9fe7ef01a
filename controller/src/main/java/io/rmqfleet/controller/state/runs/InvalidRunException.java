package io.rmqfleet.controller.state.runs;

/** A run event stream that cannot be read; the message says which line and why (a 400 answer's detail). */
public final class InvalidRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRunException(String message) {
        super(message, null, false, false);
    }
}

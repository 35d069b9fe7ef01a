package io.rmqfleet.controller.state.store;

/** The database failed; the HTTP layer answers 500 and the message names what failed. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.rmqfleet.testbed;

/** The test bed could not be started, inspected or removed; the message says which host and why. */
public class TestBedException extends RuntimeException {
    public TestBedException(String message) {
        super(message);
    }

    public TestBedException(String message, Throwable cause) {
        super(message, cause);
    }
}

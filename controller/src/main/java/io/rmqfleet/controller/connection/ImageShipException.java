package io.rmqfleet.controller.connection;

/** An image could not be shipped to a host (or saved locally); the message names the host and the step. */
public class ImageShipException extends RuntimeException {
    private final String hostName;

    public ImageShipException(String hostName, String message) {
        this(hostName, message, null);
    }

    public ImageShipException(String hostName, String message, Throwable cause) {
        super(hostName + ": " + message, cause);
        this.hostName = hostName;
    }

    public String hostName() {
        return hostName;
    }
}

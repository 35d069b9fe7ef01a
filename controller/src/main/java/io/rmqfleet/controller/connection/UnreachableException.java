package io.rmqfleet.controller.connection;

/** The host could not be reached or the SSH transport broke: the host drops out of the run as "unreachable". */
public class UnreachableException extends RuntimeException {
    private final String hostName;

    public UnreachableException(String hostName, String message, Throwable cause) {
        super(message, cause);
        this.hostName = hostName;
    }

    public UnreachableException(String hostName, String message) {
        this(hostName, message, null);
    }

    public String hostName() {
        return hostName;
    }
}

package io.rmqfleet.agent;

/** A setting the agent cannot start with; the message says which and why, for the operator. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

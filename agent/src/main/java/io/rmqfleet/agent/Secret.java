package io.rmqfleet.agent;

import java.util.Objects;

/** A token that cannot end up in a log by accident: {@link #toString()} never shows it. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret itself; call it only where it goes on the wire. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}

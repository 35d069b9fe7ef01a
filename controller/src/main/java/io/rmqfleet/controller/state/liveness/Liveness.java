package io.rmqfleet.controller.state.liveness;

import java.util.Locale;

/** What the controller believes about a host, from its agent's heartbeats (every report is one). */
public enum Liveness {
    /** Known from the inventory or the token file but never heard from. */
    UNKNOWN,
    /** Heard from within two report intervals. */
    ALIVE,
    /** Two intervals missed: maybe a slow network, maybe dying. */
    SUSPECT,
    /** Silent for two intervals plus the grace. */
    DOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Liveness fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}

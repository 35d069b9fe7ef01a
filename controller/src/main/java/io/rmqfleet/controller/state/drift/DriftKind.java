package io.rmqfleet.controller.state.drift;

import java.util.Locale;

/** The kinds of difference between what the inventory expects and what an agent reported. */
public enum DriftKind {
    /** The machine's agent never reported: nothing is known. */
    NO_REPORT,
    /** The machine is down (liveness): its last report is stale. */
    HOST_DOWN,
    /** The agent could not read Docker: containers are unknown, not absent. */
    CONTAINERS_UNKNOWN,
    /** An expected container does not exist. */
    MISSING,
    /** An expected container exists but is not running (exited, dead, created, paused). */
    STOPPED,
    /** An expected container is in Docker's restart loop. */
    RESTARTING,
    /** An expected container's health check fails. */
    UNHEALTHY,
    /** The container's rmqfleet.spec-hash label differs from the one the last apply gave it. */
    SPEC_HASH_DIFFERS,
    /** A RocketMQ port answers but no running managed container owns it: something else holds it. */
    PORT_SQUATTED,
    /** A managed container the inventory does not expect on this machine. */
    UNEXPECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

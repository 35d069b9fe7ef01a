package io.rmqfleet.controller.state.drift;

import java.util.Objects;

/**
 * One difference.
 *
 * @param host      the inventory host it concerns (the container's owner, or the reporting host)
 * @param container the container name; null for host-wide findings
 * @param kind      what is wrong
 * @param detail    for people: expected vs actual
 */
public record DriftFinding(String host, String container, DriftKind kind, String detail) {
    public DriftFinding {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** Identity across checks: the same host, container and kind is the same drift. */
    public String key() {
        return host + "/" + (container == null ? "" : container) + "/" + kind.wire();
    }
}

package io.rmqfleet.controller.state.liveness;

import java.time.Instant;

/**
 * A host changed liveness state; recorded as an event.
 *
 * @param lastHeardAt when the controller last received a report from it (null if never)
 */
public record LivenessTransition(String host, Liveness from, Liveness to, Instant at, Instant lastHeardAt) {
}

package io.rmqfleet.controller.state;

import io.rmqfleet.controller.state.liveness.LivenessTransition;
import java.util.Optional;

/**
 * What happened to an authenticated, well-formed report.
 *
 * @param accepted   false for a repeat (same host, agent start and sequence, or older): acknowledged, not stored
 * @param transition the host became alive with this report
 */
public record IngestOutcome(boolean accepted, Optional<LivenessTransition> transition) {
}

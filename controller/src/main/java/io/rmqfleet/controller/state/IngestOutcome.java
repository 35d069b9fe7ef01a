package io.rmqfleet.controller.state;

import io.rmqfleet.controller.state.liveness.LivenessTransition;
import java.util.Optional;

/**
 * What happened to an authenticated, well-formed report.
 *
 * @param accepted   false for a repeat (same host, agent start and sequence, or older): acknowledged, not stored
 * @param transition the host became alive with this report
 * @param missed     sequence numbers of the same agent run skipped before this report (reports lost, e.g. from a
 *                   full agent buffer); 0 when it follows the stored one directly
 */
public record IngestOutcome(boolean accepted, Optional<LivenessTransition> transition, long missed) {
    public IngestOutcome(boolean accepted, Optional<LivenessTransition> transition) {
        this(accepted, transition, 0);
    }
}

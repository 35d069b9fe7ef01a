package io.rmqfleet.controller.state;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.controller.state.liveness.Liveness;
import java.time.Instant;

/**
 * What the controller keeps per host: its liveness and the newest report, plus the identity of the newest report
 * (agent start + sequence) so that repeats are recognised after a restart too.
 *
 * @param lastHeardAt  when the controller last received a report (controller clock); null if never
 * @param latest       the newest report; null if none
 */
public record HostRecord(String host, Liveness liveness, Instant lastHeardAt, AgentReport latest) {

    public static HostRecord unknown(String host) {
        return new HostRecord(host, Liveness.UNKNOWN, null, null);
    }

    public HostRecord withLiveness(Liveness state) {
        return new HostRecord(host, state, lastHeardAt, latest);
    }
}

package io.rmqfleet.agent.testing;

import io.rmqfleet.common.report.AgentReport;
import java.time.Instant;
import java.util.List;

/** Small valid reports for delivery tests. */
public final class Reports {
    private Reports() {
    }

    public static AgentReport report(long sequence, Instant observedAt) {
        return new AgentReport(AgentReport.SCHEMA, "broker-1", "0.1.0", Instant.parse("2025-01-01T00:00:00Z"),
                sequence, observedAt, observedAt, List.of(), null, null, null, List.of(), List.of());
    }
}

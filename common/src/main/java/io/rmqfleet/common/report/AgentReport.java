package io.rmqfleet.common.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an agent sends to the controller every interval ({@code POST /api/v1/agents/{host}/reports}).
 * The wire form is snake_case JSON (see {@link AgentReports}); docs/agent.md describes every field.
 *
 * <p>{@code observedAt} is when the agent collected this state; it never changes, also when the report waited
 * in the agent's buffer while the controller was unreachable. {@code sentAt} is when this copy was sent.
 * {@code sequence} grows by one per report the agent built since it started ({@code agentStartedAt}); a gap
 * means reports were dropped from a full buffer.
 *
 * <p>{@code containers}, {@code disk}, {@code load} and {@code memory} are null when the agent could not collect
 * them; {@code errors} then says why. Null means unknown: it is not an empty host.
 */
public record AgentReport(
        int schema,
        String host,
        String agentVersion,
        Instant agentStartedAt,
        long sequence,
        Instant observedAt,
        Instant sentAt,
        List<ContainerStatus> containers,
        DiskUsage disk,
        LoadAverage load,
        MemoryUsage memory,
        List<PortProbe> ports,
        List<CollectorError> errors) {

    /** The schema version this code writes and reads. */
    public static final int SCHEMA = 1;

    public AgentReport {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(agentStartedAt, "agentStartedAt");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        containers = containers == null ? null : List.copyOf(containers);
        ports = List.copyOf(Objects.requireNonNull(ports, "ports"));
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
    }

    /** This report as sent at {@code when}; everything else, {@code observedAt} included, stays as it was. */
    public AgentReport withSentAt(Instant when) {
        return new AgentReport(schema, host, agentVersion, agentStartedAt, sequence, observedAt, when, containers,
                disk, load, memory, ports, errors);
    }
}

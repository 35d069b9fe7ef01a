package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.PortProbe;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds one report: Docker state, host metrics and port probes collected concurrently, stamped with the
 * observation time and the next sequence number. A source that fails leaves its section null and adds an error;
 * the report itself is always built.
 */
public final class ReportCollector {
    private static final int MAX_MESSAGE = 1024;

    private final String host;
    private final String agentVersion;
    private final Instant agentStartedAt;
    private final Clock clock;
    private final ContainerSource containers;
    private final Supplier<Future<HostMetrics>> hostMetrics;
    private final PortSource ports;
    private long sequence;

    /**
     * @param hostMetrics runs the blocking {@link HostMetricsSource} off the event loop (e.g. executeBlocking)
     */
    public ReportCollector(String host, String agentVersion, Instant agentStartedAt, Clock clock,
            ContainerSource containers, Supplier<Future<HostMetrics>> hostMetrics, PortSource ports) {
        this.host = host;
        this.agentVersion = agentVersion;
        this.agentStartedAt = agentStartedAt;
        this.clock = clock;
        this.containers = containers;
        this.hostMetrics = hostMetrics;
        this.ports = ports;
    }

    /** Collects a report. Call it again only after the previous future completed. */
    public Future<AgentReport> collect() {
        Instant observedAt = clock.instant();
        long number = ++sequence;
        Future<List<ContainerStatus>> docker = guard(containers::managedContainers);
        Future<HostMetrics> host = guard(hostMetrics);
        Future<List<PortProbe>> probes = guard(ports::probe);
        return Future.join(docker, host, probes).transform(done -> {
            List<CollectorError> errors = new ArrayList<>(2);
            List<ContainerStatus> containerList = null;
            if (docker.succeeded()) {
                containerList = docker.result();
            } else {
                errors.add(error(CollectorError.DOCKER, docker.cause()));
            }
            HostMetrics metrics = host.succeeded() ? host.result() : null;
            if (metrics == null) {
                for (String section : List.of(CollectorError.DISK, CollectorError.LOAD, CollectorError.MEMORY)) {
                    errors.add(error(section, host.cause()));
                }
                metrics = new HostMetrics(null, null, null, List.of());
            }
            errors.addAll(metrics.errors());
            List<PortProbe> portList = probes.succeeded() ? probes.result() : List.of();
            if (probes.failed()) {
                errors.add(error(CollectorError.PORTS, probes.cause()));
            }
            return Future.succeededFuture(new AgentReport(AgentReport.SCHEMA, this.host, agentVersion,
                    agentStartedAt, number, observedAt, observedAt, containerList, metrics.disk(), metrics.load(),
                    metrics.memory(), portList, errors));
        });
    }

    /** The sequence number of the last report built (0 before the first). */
    public long lastSequence() {
        return sequence;
    }

    /** A source that throws instead of failing its future must not take the report down with it. */
    private static <T> Future<T> guard(Supplier<Future<T>> source) {
        try {
            Future<T> future = source.get();
            return future != null ? future : Future.failedFuture("source returned no result");
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    static CollectorError error(String source, Throwable cause) {
        String message = cause == null ? "unknown failure" : cause.getMessage();
        if (message == null || message.isBlank()) {
            message = cause.getClass().getSimpleName();
        }
        message = message.strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 3) + "...";
        }
        return new CollectorError(source, message);
    }
}

package io.rmqfleet.controller.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rmqfleet.controller.state.drift.DriftKind;
import io.rmqfleet.controller.state.liveness.Liveness;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The controller's Prometheus metrics (Micrometer). Gauges read values the event loop publishes into atomics, so
 * a scrape never walks the fleet.
 */
public final class ControllerMetrics {
    /** Why a report was refused: the {@code reason} label of {@code rmqfleet_reports_rejected_total}. */
    public enum RejectReason {
        UNAUTHORIZED, MALFORMED, HOST_MISMATCH, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter ingested;
    private final Counter duplicates;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Map<Liveness, AtomicInteger> hosts = new EnumMap<>(Liveness.class);
    private final Map<DriftKind, AtomicInteger> drift = new EnumMap<>(DriftKind.class);
    private final Map<String, Counter> driftChecks = new ConcurrentHashMap<>();
    private final Timer driftCheckTime;
    private final Timer runDuration;
    private final Counter runsRecorded;
    private final Counter livenessTransitions;

    public ControllerMetrics() {
        // Heap and CPU of the controller itself (the ingest benchmark reads jvm_memory_used_bytes from here).
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        ingested = Counter.builder("rmqfleet.reports.ingested").description("agent reports stored").register(registry);
        duplicates = Counter.builder("rmqfleet.reports.duplicate")
                .description("agent reports acknowledged as repeats of a stored one").register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, Counter.builder("rmqfleet.reports.rejected").tag("reason", r.label())
                    .description("agent reports refused").register(registry));
        }
        for (Liveness l : Liveness.values()) {
            AtomicInteger value = new AtomicInteger();
            hosts.put(l, value);
            Gauge.builder("rmqfleet.hosts", value, AtomicInteger::get).tag("liveness", l.wire())
                    .description("hosts per liveness state").register(registry);
        }
        for (DriftKind k : DriftKind.values()) {
            AtomicInteger value = new AtomicInteger();
            drift.put(k, value);
            Gauge.builder("rmqfleet.drift.findings", value, AtomicInteger::get).tag("kind", k.wire())
                    .description("findings of the latest drift check").register(registry);
        }
        driftCheckTime = Timer.builder("rmqfleet.drift.check.duration").description("drift evaluation time")
                .register(registry);
        runDuration = Timer.builder("rmqfleet.run.duration").description("duration of recorded apply/check runs")
                .publishPercentileHistogram(false).register(registry);
        runsRecorded = Counter.builder("rmqfleet.runs.recorded").description("runs recorded").register(registry);
        livenessTransitions = Counter.builder("rmqfleet.liveness.transitions")
                .description("host liveness changes").register(registry);
    }

    public void reportIngested(boolean duplicate) {
        (duplicate ? duplicates : ingested).increment();
    }

    public void reportRejected(RejectReason reason) {
        rejected.get(reason).increment();
    }

    public void hostsByLiveness(Map<Liveness, Integer> counts) {
        counts.forEach((l, n) -> hosts.get(l).set(n));
    }

    public void driftChecked(String trigger, Map<DriftKind, Integer> counts, Duration took) {
        counts.forEach((k, n) -> drift.get(k).set(n));
        driftChecks.computeIfAbsent(trigger, t -> Counter.builder("rmqfleet.drift.checks").tag("trigger", t)
                .description("drift checks run").register(registry)).increment();
        driftCheckTime.record(took);
    }

    public void runRecorded(Duration elapsed) {
        runsRecorded.increment();
        if (elapsed != null) {
            runDuration.record(elapsed);
        }
    }

    public void livenessChanged(int transitions) {
        livenessTransitions.increment(transitions);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}

package io.rmqfleet.agent.deliver;

import io.rmqfleet.common.report.AgentReport;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers buffered reports to the controller one at a time, oldest first, each with its original
 * {@code observed_at} and a fresh {@code sent_at}. After a failed attempt it waits with {@link Backoff} (or the
 * controller's Retry-After, if longer) before trying the oldest report again; new reports keep queueing in the
 * bounded {@link ReportBuffer} meanwhile. Once an attempt succeeds it drains the buffer back to back.
 *
 * <p>Not thread-safe by design: every method runs on the agent's single event-loop context, so the
 * {@link Scheduler} and the {@link ReportTransport}'s futures must call back on that context.
 */
public final class DeliveryLoop {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    /** An absurd Retry-After must not silence the agent for hours. */
    static final long MAX_RETRY_AFTER_MILLIS = 300_000;

    private final ReportBuffer buffer;
    private final ReportTransport transport;
    private final Backoff backoff;
    private final Scheduler scheduler;
    private final Clock clock;

    private boolean inFlight;
    private boolean stopped;
    private long timerId = -1;
    private long nextAttemptAtMillis;
    private int failures;
    private long delivered;
    private long rejected;
    private long droppedAtOutageStart;

    public DeliveryLoop(ReportBuffer buffer, ReportTransport transport, Backoff backoff, Scheduler scheduler,
            Clock clock) {
        this.buffer = buffer;
        this.transport = transport;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Queues a freshly built report and sends whatever may be sent now. */
    public void offer(AgentReport report) {
        AgentReport evicted = buffer.add(report);
        if (evicted != null && (buffer.dropped() - droppedAtOutageStart) == 1) {
            LOG.warn("report buffer full ({} reports): dropping the oldest, starting with #{}",
                    buffer.capacity(), evicted.sequence());
        }
        pump();
    }

    /** Stops sending; an attempt in flight completes but nothing new starts. */
    public void stop() {
        stopped = true;
        if (timerId >= 0) {
            scheduler.cancel(timerId);
            timerId = -1;
        }
    }

    public DeliveryStats stats() {
        return new DeliveryStats(buffer.size(), delivered, rejected, buffer.dropped(), failures);
    }

    private void pump() {
        if (stopped || inFlight || buffer.isEmpty()) {
            return;
        }
        long waitMillis = nextAttemptAtMillis - clock.millis();
        if (waitMillis > 0) {
            armTimer(waitMillis);
            return;
        }
        AgentReport report = buffer.oldest();
        inFlight = true;
        transport.send(report.withSentAt(clock.instant())).onComplete(result -> {
            inFlight = false;
            Outcome outcome = result.succeeded() ? result.result()
                    : new Outcome.Retry(String.valueOf(result.cause()), 0);
            apply(report, outcome);
            pump();
        });
    }

    private void apply(AgentReport report, Outcome outcome) {
        if (outcome instanceof Outcome.Delivered) {
            buffer.removeIfOldest(report);
            delivered++;
            answered();
        } else if (outcome instanceof Outcome.Rejected r) {
            buffer.removeIfOldest(report);
            rejected++;
            LOG.warn("controller rejected report #{} with HTTP {}: {}; dropped it", report.sequence(),
                    r.status(), r.detail().isEmpty() ? "(no detail)" : r.detail());
            answered();
        } else {
            failed((Outcome.Retry) outcome);
        }
    }

    private void answered() {
        if (failures > 0) {
            LOG.info("controller reachable again after {} failed attempts; resending {} buffered reports"
                    + " ({} dropped while it was away)", failures, buffer.size(),
                    buffer.dropped() - droppedAtOutageStart);
        }
        failures = 0;
        nextAttemptAtMillis = 0;
    }

    private void failed(Outcome.Retry retry) {
        failures++;
        long delay = Math.max(backoff.delayMillis(failures),
                Math.min(retry.retryAfterMillis(), MAX_RETRY_AFTER_MILLIS));
        nextAttemptAtMillis = clock.millis() + delay;
        if (failures == 1) {
            droppedAtOutageStart = buffer.dropped();
            LOG.warn("cannot deliver reports to the controller ({}); buffering up to {} and retrying",
                    retry.reason(), buffer.capacity());
        } else if (failures % 20 == 0) {
            LOG.warn("still cannot deliver reports ({}): {} failed attempts, {} buffered, {} dropped",
                    retry.reason(), failures, buffer.size(), buffer.dropped() - droppedAtOutageStart);
        }
    }

    private void armTimer(long delayMillis) {
        if (timerId >= 0) {
            return; // already armed for nextAttemptAtMillis, which only changes after an attempt
        }
        timerId = scheduler.schedule(Math.max(1, delayMillis), () -> {
            timerId = -1;
            pump();
        });
    }
}

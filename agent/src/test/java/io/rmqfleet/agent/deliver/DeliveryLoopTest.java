package io.rmqfleet.agent.deliver;

import static io.rmqfleet.agent.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.testing.ManualClock;
import io.rmqfleet.agent.testing.ManualScheduler;
import io.rmqfleet.common.report.AgentReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buffer/backoff policy, driven by a manual clock and scheduler: no sleeps, no network. */
class DeliveryLoopTest {
    private static final Instant T0 = Instant.parse("2025-11-25T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Outcome REFUSED = new Outcome.Retry("connection refused", 0);
    private static final Outcome STORED = new Outcome.Delivered(202);

    private final ManualClock clock = new ManualClock(T0);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final ScriptedTransport controller = new ScriptedTransport();

    /** Jitter fixed at its lowest: the n-th consecutive failure waits exactly half the ceiling. */
    private DeliveryLoop loop(int capacity) {
        return new DeliveryLoop(new ReportBuffer(capacity), controller,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), BackoffTest.fixed(0)), scheduler, clock);
    }

    private long seq;

    /** What the agent does every interval: build a report observed now and offer it. */
    private void tick(DeliveryLoop loop) {
        loop.offer(report(++seq, clock.instant()));
    }

    @Test
    void deliversAtOnceStampingTheSendTime() {
        DeliveryLoop loop = loop(10);
        controller.answerAllWith(STORED);
        scheduler.advance(Duration.ofMillis(1234));

        tick(loop);

        assertThat(controller.sent).hasSize(1);
        AgentReport sent = controller.sent.get(0);
        assertThat(sent.sequence()).isEqualTo(1);
        assertThat(sent.observedAt()).isEqualTo(T0.plusMillis(1234));
        assertThat(sent.sentAt()).isEqualTo(T0.plusMillis(1234));
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(0, 1, 0, 0, 0));
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void outageBuffersRetriesOnlyTheOldestWithBackoffThenResendsEverythingInOrder() {
        DeliveryLoop loop = loop(100);
        controller.answerAllWith(REFUSED);
        for (int i = 0; i < 6; i++) {
            tick(loop);
            scheduler.advance(INTERVAL);
        }

        // Attempts at 0, 0.5, 1.5, 3.5, 7.5 and 15.5 s (half of 1, 2, 4, 8, 16, 30 s): backoff, not a busy loop.
        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(controller.sent).extracting(AgentReport::sentAt).containsExactly(T0, T0.plusMillis(500),
                T0.plusMillis(1500), T0.plusMillis(3500), T0.plusMillis(7500), T0.plusMillis(15500));
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(6, 0, 0, 0, 6));
        assertThat(scheduler.nextDueInMillis()).isEqualTo(500); // 15.5 s + 15 s = 30.5 s

        controller.sent.clear();
        controller.answerAllWith(STORED);
        scheduler.advance(Duration.ofSeconds(1));

        List<AgentReport> resent = controller.sent;
        assertThat(resent).extracting(AgentReport::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        for (int i = 0; i < resent.size(); i++) {
            assertThat(resent.get(i).observedAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(i)));
            assertThat(resent.get(i).sentAt()).isEqualTo(T0.plusMillis(30_500));
        }
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(0, 6, 0, 0, 0));
    }

    @Test
    void reportsArrivingDuringBackoffWaitForTheRetryTimer() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        controller.answer(REFUSED);

        scheduler.advance(Duration.ofMillis(100));
        tick(loop);
        tick(loop);

        assertThat(controller.sent).hasSize(1);
        assertThat(scheduler.pending()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(400));
        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(1L, 1L);
    }

    @Test
    void fullBufferDropsTheOldestAndTheSurvivorsAreResentInOrder() {
        DeliveryLoop loop = loop(3);
        controller.answerAllWith(REFUSED);
        for (int i = 0; i < 5; i++) {
            tick(loop);
            scheduler.advance(INTERVAL);
        }
        assertThat(loop.stats().dropped()).isEqualTo(2);

        controller.sent.clear();
        controller.answerAllWith(STORED);
        scheduler.advance(Duration.ofSeconds(30));

        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(3L, 4L, 5L);
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(0, 3, 0, 2, 0));
    }

    @Test
    void aReportDroppedWhileInFlightIsNotRemovedTwice() {
        DeliveryLoop loop = loop(2);
        tick(loop); // #1 in flight
        tick(loop);
        tick(loop); // buffer full: drops #1 although it is in flight

        controller.answer(STORED);

        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(1L, 2L);
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(2, 1, 0, 1, 0));
        controller.answer(STORED);
        controller.answer(STORED);
        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(1L, 2L, 3L);
        assertThat(loop.stats().buffered()).isZero();
    }

    @Test
    void onlyOneAttemptIsInFlightAtATime() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        tick(loop);
        tick(loop);

        assertThat(controller.inFlight()).isEqualTo(1);
        assertThat(controller.sent).hasSize(1);
    }

    @Test
    void aRejectedReportIsDroppedAndTheNextGoesWithoutBackoff() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        tick(loop);

        controller.answer(new Outcome.Rejected(400, "$.containers[0].state: expected one of ..."));

        assertThat(controller.sent).extracting(AgentReport::sequence).containsExactly(1L, 2L);
        assertThat(scheduler.pending()).isZero();
        controller.answer(STORED);
        assertThat(loop.stats()).isEqualTo(new DeliveryStats(0, 1, 1, 0, 0));
    }

    @Test
    void retryAfterLongerThanTheBackoffIsHonoured() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        controller.answer(new Outcome.Retry("HTTP 429 Too Many Requests", 20_000));

        scheduler.advance(Duration.ofMillis(19_999));
        assertThat(controller.sent).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(controller.sent).hasSize(2);
    }

    @Test
    void anAbsurdRetryAfterIsCapped() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        controller.answer(new Outcome.Retry("HTTP 503", Long.MAX_VALUE));

        assertThat(scheduler.nextDueInMillis()).isEqualTo(DeliveryLoop.MAX_RETRY_AFTER_MILLIS);
    }

    @Test
    void aFailedTransportFutureCountsAsARetry() {
        DeliveryLoop loop = loop(10);
        tick(loop);

        controller.fail(new IllegalStateException("boom"));

        assertThat(loop.stats()).isEqualTo(new DeliveryStats(1, 0, 0, 0, 1));
        assertThat(scheduler.nextDueInMillis()).isEqualTo(500);
    }

    @Test
    void backoffStartsOverAfterTheControllerAnswered() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        controller.answer(REFUSED);
        scheduler.advance(Duration.ofMillis(500));
        controller.answer(REFUSED);
        assertThat(scheduler.nextDueInMillis()).isEqualTo(1_000);
        scheduler.advance(Duration.ofMillis(1_000));
        controller.answer(STORED);

        tick(loop);
        controller.answer(REFUSED);

        assertThat(scheduler.nextDueInMillis()).isEqualTo(500);
    }

    @Test
    void stopCancelsTheRetryAndSendsNothingMore() {
        DeliveryLoop loop = loop(10);
        tick(loop);
        controller.answer(REFUSED);

        loop.stop();
        tick(loop);
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(controller.sent).hasSize(1);
        assertThat(scheduler.pending()).isZero();
    }
}

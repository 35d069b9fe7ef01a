package io.rmqfleet.controller.state.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LivenessTrackerTest {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final LivenessPolicy POLICY = new LivenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofSeconds(60));

    final ManualClock clock = new ManualClock(T0);

    @ParameterizedTest(name = "silent {0} ms -> {1}")
    @CsvSource({"0,ALIVE", "10000,ALIVE", "10001,SUSPECT", "40000,SUSPECT", "40001,DOWN", "999999,DOWN"})
    void classifiesSilenceAtTheBoundaries(long millis, Liveness expected) {
        assertThat(POLICY.classify(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void heartbeatThenSilenceGoesAliveSuspectDownAndBackWithOneTransitionEach() {
        LivenessTracker t = new LivenessTracker(withoutFailover(), T0);
        assertThat(t.heartbeat("h", clock.instant())).hasValueSatisfying(tr -> {
            assertThat(tr.from()).isEqualTo(Liveness.UNKNOWN);
            assertThat(tr.to()).isEqualTo(Liveness.ALIVE);
        });
        assertThat(t.heartbeat("h", clock.instant())).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        assertThat(t.evaluate(clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(single(t.evaluate(clock.instant()))).isEqualTo("ALIVE->SUSPECT");
        assertThat(t.evaluate(clock.instant())).isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(single(t.evaluate(clock.instant()))).isEqualTo("SUSPECT->DOWN");
        clock.advance(Duration.ofHours(1));
        assertThat(t.evaluate(clock.instant())).isEmpty();

        LivenessTransition back = t.heartbeat("h", clock.instant()).orElseThrow();
        assertThat(back.from()).isEqualTo(Liveness.DOWN);
        assertThat(back.lastHeardAt()).isEqualTo(T0);
        assertThat(t.get("h").orElseThrow().state()).isEqualTo(Liveness.ALIVE);
    }

    @Test
    void aLongSilenceSkipsSuspectAndGoesStraightDown() {
        LivenessTracker t = new LivenessTracker(withoutFailover(), T0);
        t.heartbeat("h", T0);
        assertThat(single(t.evaluate(T0.plusSeconds(120)))).isEqualTo("ALIVE->DOWN");
    }

    @Test
    void expectedButNeverHeardHostsStayUnknown() {
        LivenessTracker t = new LivenessTracker(withoutFailover(), T0);
        t.expect("quiet");
        assertThat(t.evaluate(T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(t.get("quiet").orElseThrow().state()).isEqualTo(Liveness.UNKNOWN);
        assertThat(t.countByState()).containsEntry(Liveness.UNKNOWN, 1).containsEntry(Liveness.DOWN, 0);
    }

    @Test
    void afterARestartNobodyIsDemotedWithinTheFailoverGraceAndSilenceCountsFromTheRestart() {
        Instant restart = T0.plus(Duration.ofMinutes(10));   // the controller was away for 10 minutes
        LivenessTracker t = new LivenessTracker(POLICY, restart);
        t.restore("back", Liveness.ALIVE, T0);
        t.restore("gone", Liveness.ALIVE, T0);
        t.restore("was-down", Liveness.DOWN, T0.minusSeconds(5));

        assertThat(t.evaluate(restart.plusSeconds(59))).isEmpty();
        t.heartbeat("back", restart.plusSeconds(58));
        assertThat(t.get("gone").orElseThrow().state()).isEqualTo(Liveness.ALIVE);

        List<LivenessTransition> after = t.evaluate(restart.plusSeconds(60));
        assertThat(after).extracting(tr -> tr.host() + ":" + tr.to()).containsExactly("gone:DOWN");
        assertThat(t.get("back").orElseThrow().state()).isEqualTo(Liveness.ALIVE);
        assertThat(t.get("was-down").orElseThrow().state()).isEqualTo(Liveness.DOWN);
    }

    @Test
    void aHostHeardJustBeforeTheRestartGetsTheFullIntervalsAfterTheGrace() {
        Instant restart = T0.plusSeconds(1);
        LivenessTracker t = new LivenessTracker(new LivenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5)), restart);
        t.restore("h", Liveness.ALIVE, T0);
        assertThat(t.evaluate(restart.plusSeconds(6))).isEmpty();      // silent 6 s since restart: fine
        assertThat(single(t.evaluate(restart.plusSeconds(11)))).isEqualTo("ALIVE->SUSPECT");
    }

    @Test
    void aLateHeartbeatDoesNotMoveLastHeardBackwards() {
        LivenessTracker t = new LivenessTracker(withoutFailover(), T0);
        t.heartbeat("h", T0.plusSeconds(10));
        t.heartbeat("h", T0.plusSeconds(5));
        assertThat(t.get("h").orElseThrow().lastHeardAt()).isEqualTo(T0.plusSeconds(10));
    }

    static LivenessPolicy withoutFailover() {
        return new LivenessPolicy(POLICY.interval(), POLICY.grace(), Duration.ZERO);
    }

    static String single(List<LivenessTransition> transitions) {
        assertThat(transitions).hasSize(1);
        return transitions.get(0).from() + "->" + transitions.get(0).to();
    }
}

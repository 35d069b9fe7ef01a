package io.rmqfleet.controller.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.controller.state.liveness.Liveness;
import io.rmqfleet.controller.state.liveness.LivenessPolicy;
import io.rmqfleet.controller.state.liveness.LivenessTracker;
import io.rmqfleet.controller.testing.TestReports;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetStateTest {
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    final FleetState state = new FleetState(new LivenessTracker(
            new LivenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO), T));

    @Test
    void aReportIsIdentifiedByHostAgentStartAndSequence() {
        assertThat(state.ingest(TestReports.report("h", 5, T), T).accepted()).isTrue();
        assertThat(state.ingest(TestReports.report("h", 5, T), T).accepted()).isFalse();
        assertThat(state.ingest(TestReports.report("h", 4, T), T).accepted()).isFalse();
        assertThat(state.ingest(TestReports.report("h", 6, T), T).accepted()).isTrue();
        // A restarted agent starts again at 1 with a later agent_started_at.
        AgentReport restarted = new AgentReport(1, "h", "0.1", TestReports.AGENT_START.plusSeconds(60), 1, T, T,
                List.of(), null, null, null, List.of(), List.of());
        assertThat(state.ingest(restarted, T).accepted()).isTrue();
        assertThat(state.host("h").orElseThrow().latest()).isEqualTo(restarted);
        assertThat(state.ingest(TestReports.report("h", 7, T), T).accepted()).isFalse();
    }

    @Test
    void aHostRepeatingTheSameStateIsRewrittenOnlyWhenItsLastWriteIsOld() {
        Duration maxAge = Duration.ofSeconds(30);
        state.ingest(TestReports.report("a", 1, T, "rmqnamesrv"), T);
        assertThat(state.drainDirty(T, maxAge)).hasSize(1);
        state.ingest(TestReports.report("a", 2, T, "rmqnamesrv"), T.plusSeconds(5));
        assertThat(state.drainDirty(T.plusSeconds(5), maxAge)).isEmpty();
        assertThat(state.drainDirty(T.plusSeconds(30), maxAge)).extracting(r -> r.latest().sequence())
                .containsExactly(2L);
        // A container change is written at once.
        state.ingest(TestReports.report("a", 3, T, List.of(TestReports.container("rmqnamesrv",
                io.rmqfleet.common.report.ContainerState.EXITED)), List.of()), T.plusSeconds(31));
        assertThat(state.drainDirty(T.plusSeconds(31), maxAge)).extracting(r -> r.latest().sequence())
                .containsExactly(3L);
        // So is a liveness change.
        state.evaluateLiveness(T.plusSeconds(45));
        assertThat(state.drainDirty(T.plusSeconds(45), maxAge)).extracting(HostRecord::liveness)
                .containsExactly(Liveness.SUSPECT);
        // After a failed write the host is written again whatever its age.
        state.markDirty(List.of("a"));
        assertThat(state.drainDirty(T.plusSeconds(46), maxAge)).hasSize(1);
    }

    @Test
    void changedHostsAreDrainedOnceForTheDatabase() {
        state.expect("quiet");
        state.ingest(TestReports.report("a", 1, T), T);
        state.ingest(TestReports.report("b", 1, T), T);
        state.ingest(TestReports.report("a", 2, T), T);
        assertThat(state.drainDirty()).extracting(HostRecord::host).containsExactly("a", "b");
        assertThat(state.drainDirty()).isEmpty();
        state.evaluateLiveness(T.plusSeconds(11));
        assertThat(state.drainDirty()).extracting(HostRecord::liveness).containsOnly(Liveness.SUSPECT);
        assertThat(state.hosts()).extracting(HostRecord::host).containsExactly("a", "b", "quiet");
    }
}

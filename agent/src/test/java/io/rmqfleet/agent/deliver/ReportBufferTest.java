package io.rmqfleet.agent.deliver;

import static io.rmqfleet.agent.testing.Reports.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.common.report.AgentReport;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReportBufferTest {
    private static final Instant T0 = Instant.parse("2025-11-25T10:00:00Z");

    @Test
    void keepsReportsOldestFirst() {
        ReportBuffer buffer = new ReportBuffer(5);
        AgentReport first = report(1, T0);
        buffer.add(first);
        buffer.add(report(2, T0.plusSeconds(5)));

        assertThat(buffer.oldest()).isSameAs(first);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.dropped()).isZero();
    }

    @Test
    void fullBufferDropsTheOldestAndCountsIt() {
        ReportBuffer buffer = new ReportBuffer(3);
        for (long seq = 1; seq <= 3; seq++) {
            assertThat(buffer.add(report(seq, T0.plusSeconds(seq)))).isNull();
        }

        AgentReport evicted = buffer.add(report(4, T0.plusSeconds(4)));
        buffer.add(report(5, T0.plusSeconds(5)));

        assertThat(evicted.sequence()).isEqualTo(1);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.dropped()).isEqualTo(2);
        assertThat(buffer.oldest().sequence()).isEqualTo(3);
    }

    @Test
    void removesAReportOnlyWhileItIsStillTheOldest() {
        ReportBuffer buffer = new ReportBuffer(2);
        AgentReport inFlight = report(1, T0);
        buffer.add(inFlight);
        buffer.add(report(2, T0.plusSeconds(5)));
        buffer.add(report(3, T0.plusSeconds(10))); // drops the report that was in flight

        assertThat(buffer.removeIfOldest(inFlight)).isFalse();
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.removeIfOldest(buffer.oldest())).isTrue();
        assertThat(buffer.oldest().sequence()).isEqualTo(3);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new ReportBuffer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.testing.TestReports;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hole in a host's report sequence is an event (reports lost); in-order reports and repeats are not. */
class ReportGapsTest {
    @TempDir
    Path dir;
    ServerFixture fx;

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void skippedSequenceNumbersAreRecordedAlsoAcrossARestart() {
        fx = new ServerFixture(dir).agents("b1").start();
        for (long seq : new long[] {1, 2, 2, 3}) {
            assertThat(fx.postReport(TestReports.report("b1", seq, ServerFixture.T0, "rmqfleet-agent")).statusCode())
                    .isEqualTo(202);
        }
        assertThat(fx.getJson("/api/v1/events?kind=reports_missing").get("total").asInt()).isZero();

        fx.postReport(TestReports.report("b1", 6, ServerFixture.T0, "rmqfleet-agent"));
        JsonNode gap = fx.getJson("/api/v1/events?kind=reports_missing");
        assertThat(gap.get("total").asInt()).isEqualTo(1);
        assertThat(gap.at("/items/0/data/missing").asLong()).isEqualTo(2);
        assertThat(gap.at("/items/0/data/sequence").asLong()).isEqualTo(6);

        fx.restart();
        fx.postReport(TestReports.report("b1", 7, ServerFixture.T0, "rmqfleet-agent"));
        assertThat(fx.getJson("/api/v1/events?kind=reports_missing").get("total").asInt()).isEqualTo(1);
        fx.postReport(TestReports.report("b1", 9, ServerFixture.T0, "rmqfleet-agent"));
        assertThat(fx.getJson("/api/v1/events?kind=reports_missing").get("total").asInt()).isEqualTo(2);
    }
}

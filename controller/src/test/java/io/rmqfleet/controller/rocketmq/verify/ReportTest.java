package io.rmqfleet.controller.rocketmq.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verify report as a person and as a script sees it. */
class ReportTest {
    static final VerifyReport FAILED = new VerifyReport("run42", List.of(
        CheckResult.pass("namesrv.answers", "ns1 10.213.60.1:9876", "answers, lists 2 broker(s): broker-a/0, broker-a/1"),
        CheckResult.fail("broker.ha", "broker-a/1 -> broker-a/0", "the slave does not answer at 10.213.60.3:10911"),
        CheckResult.skip("topic.route", "ns2 rmqfleet_verify", "NameServer 10.213.60.2:9876 did not answer")),
        Duration.ofMillis(4321));

    @Test
    void tableAlignsColumnsAndEndsWithASummary() {
        assertThat(ReportTable.render(FAILED)).isEqualTo("""
            CHECK            TARGET                    RESULT  DETAIL
            namesrv.answers  ns1 10.213.60.1:9876      PASS    answers, lists 2 broker(s): broker-a/0, broker-a/1
            broker.ha        broker-a/1 -> broker-a/0  FAIL    the slave does not answer at 10.213.60.3:10911
            topic.route      ns2 rmqfleet_verify       SKIP    NameServer 10.213.60.2:9876 did not answer

            verify: FAILED, 1 passed, 1 failed, 1 skipped in 4.3 s (run run42)
            """);
    }

    @Test
    void passedSummary() {
        VerifyReport ok = new VerifyReport("r", List.of(CheckResult.pass("a", "b", "c")), Duration.ofMillis(50));
        assertThat(ReportTable.summary(ok)).isEqualTo("verify: PASSED, 1 passed, 0 failed, 0 skipped in 0.1 s (run r)");
        assertThat(ok.exitCode()).isZero();
    }

    @Test
    void anEmptyReportProvesNothing() {
        VerifyReport empty = new VerifyReport("r", List.of(), Duration.ZERO);
        assertThat(empty.passed()).isFalse();
        assertThat(empty.exitCode()).isEqualTo(2);
    }

    @Test
    void skippedChecksAloneDoNotFail() {
        VerifyReport report = new VerifyReport("r", List.of(CheckResult.pass("a", "b", "c"), CheckResult.skip("d", "e", "f")),
            Duration.ZERO);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void jsonForScripts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(FAILED));
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(json.get("run_id").asText()).isEqualTo("run42");
        assertThat(json.get("elapsed_ms").asLong()).isEqualTo(4321);
        assertThat(json.get("summary").toString()).isEqualTo("{\"total\":3,\"passed\":1,\"failed\":1,\"skipped\":1}");
        assertThat(json.get("checks").get(1).toString()).isEqualTo("{\"check\":\"broker.ha\",\"target\":"
            + "\"broker-a/1 -> broker-a/0\",\"result\":\"fail\",\"detail\":\"the slave does not answer at 10.213.60.3:10911\"}");
        assertThat(json.get("checks").get(2).get("result").asText()).isEqualTo("skip");
        assertThat(json.fieldNames()).toIterable().containsExactly("passed", "run_id", "elapsed_ms", "summary", "checks");
    }

    @Test
    void jsonEscapesDetails() throws Exception {
        VerifyReport odd = new VerifyReport("r", List.of(CheckResult.fail("x", "t \"q\"", "line1\nline2 \\ tab\t")),
            Duration.ZERO);
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(odd));
        assertThat(json.get("checks").get(0).get("detail").asText()).isEqualTo("line1\nline2 \\ tab\t");
        assertThat(json.get("checks").get(0).get("target").asText()).isEqualTo("t \"q\"");
    }
}

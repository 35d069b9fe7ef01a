package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.controller.testing.TestReports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report ingest over real HTTP: stored, refused as malformed (400 + reason), refused without the right token. */
class IngestApiTest {
    @TempDir
    Path dir;
    ServerFixture fx;

    @BeforeEach
    void start() {
        fx = new ServerFixture(dir).agents("broker-1", "broker-2").configure("limits: {report_body: 64KiB}\n").start();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void validReportIsStoredAndShownWithItsContainers() {
        AgentReport report = TestReports.report("broker-1", 1, ServerFixture.T0, "rmqbroker-broker-a-0");
        HttpResponse<String> r = fx.postReport(report);

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(ServerFixture.json(r).get("status").asText()).isEqualTo("stored");
        JsonNode host = fx.getJson("/api/v1/hosts/broker-1");
        assertThat(host.get("liveness").asText()).isEqualTo("alive");
        assertThat(host.at("/last_report/sequence").asLong()).isEqualTo(1);
        assertThat(host.at("/containers/0/name").asText()).isEqualTo("rmqbroker-broker-a-0");
        assertThat(host.at("/containers/0/state").asText()).isEqualTo("running");
    }

    @Test
    void malformedReportIs400WithTheValidatorsReasonAndChangesNothing() {
        fx.postReport(TestReports.report("broker-1", 1, ServerFixture.T0, "rmqnamesrv"));
        String bad = AgentReports.toJson(TestReports.report("broker-1", 2, ServerFixture.T0, "rmqnamesrv"))
                .replace("\"running\"", "\"sleeping\"");

        HttpResponse<String> r = fx.postReport("broker-1", ServerFixture.tokenOf("broker-1"), bad);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ProblemHandler.CONTENT_TYPE);
        JsonNode problem = ServerFixture.json(r);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("detail").asText())
                .isEqualTo("$.containers[0].state: expected one of created,running,paused,restarting,removing,exited,dead");
        assertThat(fx.getJson("/api/v1/hosts/broker-1").at("/last_report/sequence").asLong()).isEqualTo(1);
        assertThat(metric("rmqfleet_reports_rejected_total{reason=\"malformed\"}")).isEqualTo(1.0);
    }

    @Test
    void brokenJsonAndHostMismatchAre400() {
        HttpResponse<String> truncated = fx.postReport("broker-1", ServerFixture.tokenOf("broker-1"), "{\"schema\": 1,");
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(truncated).get("detail").asText()).startsWith("$: malformed JSON at line 1");

        String other = AgentReports.toJson(TestReports.report("broker-2", 1, ServerFixture.T0));
        HttpResponse<String> mismatch = fx.postReport("broker-1", ServerFixture.tokenOf("broker-1"), other);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(ServerFixture.json(mismatch).get("detail").asText())
                .isEqualTo("$.host: 'broker-2' does not match the host of the path ('broker-1')");
        assertThat(fx.getJson("/api/v1/hosts/broker-1").get("last_report").isNull()).isTrue();
        assertThat(fx.getJson("/api/v1/hosts/broker-2").get("last_report").isNull()).isTrue();
    }

    @Test
    void wrongMissingOrForeignTokenIs401AndNothingIsRecorded() {
        String body = AgentReports.toJson(TestReports.report("broker-1", 1, ServerFixture.T0, "rmqnamesrv"));

        HttpResponse<String> wrong = fx.postReport("broker-1", "not-the-token-at-all", body);
        HttpResponse<String> missing = fx.postReport("broker-1", null, body);
        HttpResponse<String> foreign = fx.postReport("broker-1", ServerFixture.tokenOf("broker-2"), body);
        HttpResponse<String> unknownHost = fx.postReport("intruder", ServerFixture.tokenOf("broker-1"), body);

        for (HttpResponse<String> r : new HttpResponse[] {wrong, missing, foreign, unknownHost}) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"rmqfleet\"");
            assertThat(r.body()).doesNotContain("agent-token");
        }
        JsonNode host = fx.getJson("/api/v1/hosts/broker-1");
        assertThat(host.get("liveness").asText()).isEqualTo("unknown");
        assertThat(host.get("last_report").isNull()).isTrue();
        assertThat(fx.get("/api/v1/hosts/intruder").statusCode()).isEqualTo(404);
        assertThat(metric("rmqfleet_reports_rejected_total{reason=\"unauthorized\"}")).isEqualTo(4.0);
        assertThat(metric("rmqfleet_reports_ingested_total")).isEqualTo(0.0);
    }

    @Test
    void repeatOfAStoredReportIsAcknowledgedButNotStoredTwice() {
        AgentReport second = TestReports.report("broker-1", 2, ServerFixture.T0.plusSeconds(5), "rmqnamesrv");
        fx.postReport(second);
        HttpResponse<String> again = fx.postReport(second);
        HttpResponse<String> older = fx.postReport(TestReports.report("broker-1", 1, ServerFixture.T0, "x"));

        assertThat(ServerFixture.json(again).get("status").asText()).isEqualTo("duplicate");
        assertThat(ServerFixture.json(older).get("status").asText()).isEqualTo("duplicate");
        JsonNode host = fx.getJson("/api/v1/hosts/broker-1");
        assertThat(host.at("/last_report/sequence").asLong()).isEqualTo(2);
        assertThat(host.at("/containers/0/name").asText()).isEqualTo("rmqnamesrv");
        assertThat(metric("rmqfleet_reports_ingested_total")).isEqualTo(1.0);
        assertThat(metric("rmqfleet_reports_duplicate_total")).isEqualTo(2.0);
    }

    @Test
    void oversizedBodyIs413ProblemAndWrongContentTypeIs415() {
        String huge = "{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> r = fx.postReport("broker-1", ServerFixture.tokenOf("broker-1"), huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(ServerFixture.json(r).get("status").asInt()).isEqualTo(413);
        assertThat(metric("rmqfleet_reports_rejected_total{reason=\"too_large\"}")).isEqualTo(1.0);

        HttpResponse<String> text = fx.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(fx.base() + "/api/v1/agents/broker-1/reports"))
                .header("Authorization", "Bearer " + ServerFixture.tokenOf("broker-1"))
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void metricsCountIngestAndHostsPerLiveness() {
        fx.postReport(TestReports.report("broker-1", 1, ServerFixture.T0));
        fx.postReport(TestReports.report("broker-1", 2, ServerFixture.T0));

        assertThat(metric("rmqfleet_reports_ingested_total")).isEqualTo(2.0);
        assertThat(metric("rmqfleet_hosts{liveness=\"alive\"}")).isEqualTo(1.0);
        assertThat(metric("rmqfleet_hosts{liveness=\"unknown\"}")).isEqualTo(1.0);
        assertThat(fx.getWithoutToken("/metrics").statusCode()).isEqualTo(401);
        assertThat(fx.get("/metrics").body()).containsPattern("(?m)^jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"} \\d");
    }

    double metric(String series) {
        String text = fx.get("/metrics").body();
        return text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in\n" + text));
    }
}

package io.rmqfleet.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.net.BoundedHttp;
import io.rmqfleet.agent.testing.Reports;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.vertx.core.Promise;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's POST against a real HTTP server on loopback that misbehaves in every way the agent must survive:
 * refusals, server errors, throttling, silence, floods of bytes, and something that is not HTTP at all.
 */
class HttpReportTransportIT {
    private static final String TOKEN = "it-token-0123456789";
    private static final AgentReport REPORT = Reports.report(7, Instant.parse("2025-11-25T10:00:00Z"));

    private static Vertx vertx;
    private static HttpServer server;
    private static volatile Handler<HttpServerRequest> behaviour;
    private static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private static volatile String lastBody;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            lastHeaders.clear();
            request.headers().forEach(h -> lastHeaders.put(h.getKey().toLowerCase(), h.getValue()));
            behaviour.handle(request);
        });
        server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static Outcome send(String baseUrl, Duration timeout) throws Exception {
        HttpReportTransport transport = new HttpReportTransport(new BoundedHttp(vertx, vertx.createHttpClient()),
                URI.create(baseUrl), TOKEN, "0.1.0", Duration.ofSeconds(2), timeout, Clock.systemUTC());
        // Like the agent: the exchange starts on an event-loop context and calls back there.
        Promise<Outcome> outcome = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> transport.send(REPORT).onComplete(outcome));
        return outcome.future().await(30, TimeUnit.SECONDS);
    }

    private static Outcome send(Handler<HttpServerRequest> handler) throws Exception {
        behaviour = handler;
        return send("http://127.0.0.1:" + server.actualPort(), Duration.ofSeconds(5));
    }

    @Test
    void postsTheReportAsJsonWithTheBearerTokenToTheHostsPath() throws Exception {
        Outcome outcome = send(request -> request.body().onSuccess(body -> {
            lastBody = request.method() + " " + request.uri() + "\n" + body;
            request.response().setStatusCode(202).end();
        }));

        assertThat(outcome).isEqualTo(new Outcome.Delivered(202));
        assertThat(lastBody).startsWith("POST /api/v1/agents/broker-1/reports\n");
        assertThat(AgentReports.parse(lastBody.substring(lastBody.indexOf('\n') + 1))).isEqualTo(REPORT);
        assertThat(lastHeaders).containsEntry("authorization", "Bearer " + TOKEN)
                .containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "rmqfleet-agent/0.1.0");
    }

    @Test
    void aPathPrefixOfTheControllerUrlIsKept() throws Exception {
        behaviour = request -> {
            lastBody = request.path();
            request.response().setStatusCode(204).end();
        };
        Outcome outcome = send("http://127.0.0.1:" + server.actualPort() + "/rmqfleet/", Duration.ofSeconds(5));

        assertThat(outcome).isEqualTo(new Outcome.Delivered(204));
        assertThat(lastBody).isEqualTo("/rmqfleet/api/v1/agents/broker-1/reports");
    }

    @Test
    void badRequestRejectsTheReportWithTheProblemDetail() throws Exception {
        Outcome outcome = send(request -> request.response().setStatusCode(400)
                .putHeader("Content-Type", "application/problem+json")
                .end("{\"status\":400,\n \"detail\":\"$.containers[2].state: expected one of created,running\"}"));

        assertThat(outcome).isEqualTo(new Outcome.Rejected(400,
                "{\"status\":400, \"detail\":\"$.containers[2].state: expected one of created,running\"}"));
    }

    @Test
    void unauthorizedRejectsTheReport() throws Exception {
        assertThat(send(request -> request.response().setStatusCode(401).end()))
                .isEqualTo(new Outcome.Rejected(401, ""));
    }

    @Test
    void serverErrorAndThrottlingAreRetriedHonouringRetryAfter() throws Exception {
        assertThat(send(request -> request.response().setStatusCode(500).end("oops")))
                .isEqualTo(new Outcome.Retry("HTTP 500", 0));
        assertThat(send(request -> request.response().setStatusCode(503).putHeader("Retry-After", "3").end()))
                .isEqualTo(new Outcome.Retry("HTTP 503", 3_000));
        assertThat(send(request -> request.response().setStatusCode(429).putHeader("Retry-After", "1").end()))
                .isEqualTo(new Outcome.Retry("HTTP 429 Too Many Requests", 1_000));
    }

    @Test
    void aControllerThatNeverAnswersTimesOut() throws Exception {
        behaviour = request -> { /* holds the request open forever */ };
        long start = System.nanoTime();

        Outcome outcome = send("http://127.0.0.1:" + server.actualPort(), Duration.ofMillis(500));

        assertThat(outcome).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry) outcome).reason()).containsIgnoringCase("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aControllerThatDripsBytesIsCutAtTheDeadline() throws Exception {
        behaviour = request -> {
            request.response().setChunked(true).setStatusCode(200);
            long timer = vertx.setPeriodic(50, id -> request.response().write("x"));
            request.connection().closeHandler(v -> vertx.cancelTimer(timer));
        };
        long start = System.nanoTime();

        Outcome outcome = send("http://127.0.0.1:" + server.actualPort(), Duration.ofMillis(700));

        assertThat(outcome).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry) outcome).reason()).contains("no complete answer within 700 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aHugeAnswerIsReadOnlyUpToTheBound() throws Exception {
        Buffer chunk = Buffer.buffer("y".repeat(64 * 1024));
        Outcome outcome = send(request -> {
            request.response().setChunked(true).setStatusCode(413);
            for (int i = 0; i < 64; i++) { // 4 MiB, against a bound of 2 KiB
                request.response().write(chunk);
            }
            request.response().end();
        });

        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        String detail = ((Outcome.Rejected) outcome).detail();
        assertThat(detail).hasSize(HttpReportTransport.MAX_ANSWER_BYTES + 4).endsWith(" ...");
    }

    @Test
    void somethingThatIsNotHttpIsRetried() throws Exception {
        NetServer junk = vertx.createNetServer().connectHandler(socket ->
                socket.write("SSH-2.0-OpenSSH_9.2\r\n").onComplete(v -> socket.close()));
        junk.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        try {
            Outcome outcome = send("http://127.0.0.1:" + junk.actualPort(), Duration.ofSeconds(5));
            assertThat(outcome).isInstanceOf(Outcome.Retry.class);
        } finally {
            junk.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void nobodyListeningIsRetried() throws Exception {
        NetServer probe = vertx.createNetServer().connectHandler(socket -> socket.close());
        probe.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        int closedPort = probe.actualPort();
        probe.close().await(10, TimeUnit.SECONDS);

        Outcome outcome = send("http://127.0.0.1:" + closedPort, Duration.ofSeconds(5));

        assertThat(outcome).isInstanceOf(Outcome.Retry.class);
        assertThat(((Outcome.Retry) outcome).reason()).contains("Connection refused");
    }
}

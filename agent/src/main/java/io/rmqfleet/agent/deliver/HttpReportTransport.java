package io.rmqfleet.agent.deliver;

import io.rmqfleet.agent.net.BoundedHttp;
import io.rmqfleet.agent.net.HttpReply;
import io.rmqfleet.common.report.AgentApi;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * POSTs a report to {@code {controller}/api/v1/agents/{host}/reports} with the host's bearer token. Never fails:
 * connection errors, timeouts and odd answers all become an {@link Outcome}.
 */
public final class HttpReportTransport implements ReportTransport {
    /** Enough for a problem+json detail in the log; the rest of a large answer is discarded. */
    static final int MAX_ANSWER_BYTES = 2048;

    private final BoundedHttp http;
    private final URI controller;
    private final String authorization;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;

    public HttpReportTransport(BoundedHttp http, URI controller, String token, String agentVersion,
            Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = http;
        this.controller = controller;
        this.authorization = AgentApi.BEARER_PREFIX + token;
        this.userAgent = "rmqfleet-agent/" + agentVersion;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
    }

    @Override
    public Future<Outcome> send(AgentReport report) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(reportsUri(controller, report.host()))
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(requestTimeout.toMillis())
                .setFollowRedirects(false)
                .putHeader("Content-Type", AgentApi.CONTENT_TYPE)
                .putHeader("Accept", "application/json, application/problem+json")
                .putHeader("User-Agent", userAgent)
                .putHeader(AgentApi.AUTHORIZATION, authorization);
        Buffer body = Buffer.buffer(AgentReports.toJsonBytes(report));
        return http.exchange(options, body, requestTimeout.toMillis(), MAX_ANSWER_BYTES)
                .map(this::classify)
                .otherwise(failure -> new Outcome.Retry(describe(failure), 0));
    }

    private Outcome classify(HttpReply reply) {
        return ResponseClassifier.classify(reply.status(), reply.retryAfter(), oneLine(reply), clock.instant());
    }

    /** The controller's base URL may carry a path prefix (behind a reverse proxy): keep it. */
    static String reportsUri(URI controller, String host) {
        String base = controller.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + AgentApi.reportsPath(host);
    }

    private static String oneLine(HttpReply reply) {
        String text = reply.body().toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return reply.truncated() ? text + " ..." : text;
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}

package io.rmqfleet.controller.http.api;

import io.rmqfleet.common.report.AgentApi;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.common.report.InvalidReportException;
import io.rmqfleet.controller.http.ControllerMetrics;
import io.rmqfleet.controller.http.ControllerMetrics.RejectReason;
import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.http.auth.BearerToken;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.rmqfleet.controller.state.IngestOutcome;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;

/**
 * {@code POST /api/v1/agents/{host}/reports}: an agent's report. The host's own token is checked before the body
 * is read (wrong or missing → 401, nothing recorded); a malformed report is answered 400 with the validator's
 * {@code $.path: reason} and changes nothing; a repeat of a stored report (same host, agent start, sequence) is
 * acknowledged and not stored again.
 */
public final class AgentReportsEndpoint {
    private final FleetService fleet;
    private final Map<String, TokenDigest> agentTokens;
    private final long bodyLimit;

    public AgentReportsEndpoint(FleetService fleet, Map<String, TokenDigest> agentTokens, long bodyLimit) {
        this.fleet = fleet;
        this.agentTokens = Map.copyOf(agentTokens);
        this.bodyLimit = bodyLimit;
    }

    public void addRoutes(Router router) {
        // Two routes: Vert.x wants a route's body handler before its other handlers, and the token must be checked
        // before anything of the body is read.
        router.post(AgentApi.REPORTS_ROUTE).handler(this::authenticate);
        router.post(AgentApi.REPORTS_ROUTE)
                .handler(BodyHandler.create(false).setBodyLimit(bodyLimit))
                .handler(this::ingest)
                .failureHandler(this::countTooLarge);
    }

    private void authenticate(RoutingContext ctx) {
        String host = ctx.pathParam("host");
        TokenDigest expected = host == null ? null : agentTokens.get(host);
        String presented = BearerToken.from(ctx.request());
        // Unknown host and wrong token look the same from outside.
        if (expected == null || !expected.matches(presented)) {
            fleet.metrics().reportRejected(RejectReason.UNAUTHORIZED);
            ctx.fail(Problem.unauthorized("send this host's agent token as 'Authorization: Bearer <token>'"));
            return;
        }
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(AgentApi.CONTENT_TYPE)) {
            fleet.metrics().reportRejected(RejectReason.UNSUPPORTED_MEDIA_TYPE);
            ctx.fail(new Problem(415, "Unsupported Media Type", "send the report as " + AgentApi.CONTENT_TYPE));
            return;
        }
        ctx.next();
    }

    private void ingest(RoutingContext ctx) {
        String host = ctx.pathParam("host");
        AgentReport report;
        try {
            report = AgentReports.parse(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
        } catch (InvalidReportException e) {
            fleet.metrics().reportRejected(RejectReason.MALFORMED);
            throw e;
        }
        if (!report.host().equals(host)) {
            fleet.metrics().reportRejected(RejectReason.HOST_MISMATCH);
            throw new InvalidReportException("$.host", "'" + report.host() + "' does not match the host of the path ('"
                    + host + "')");
        }
        IngestOutcome outcome = fleet.ingest(report);
        Respond.json(ctx, 202, Respond.object().put("status", outcome.accepted() ? "stored" : "duplicate")
                .put("sequence", report.sequence()));
    }

    private void countTooLarge(RoutingContext ctx) {
        if (ctx.statusCode() == 413) {
            fleet.metrics().reportRejected(ControllerMetrics.RejectReason.TOO_LARGE);
        }
        ctx.next();
    }
}

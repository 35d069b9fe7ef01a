package io.rmqfleet.controller.http;

import io.rmqfleet.controller.http.api.AgentReportsEndpoint;
import io.rmqfleet.controller.http.api.ClustersEndpoint;
import io.rmqfleet.controller.http.api.DashboardEndpoint;
import io.rmqfleet.controller.http.api.DriftEndpoint;
import io.rmqfleet.controller.http.api.EventsEndpoint;
import io.rmqfleet.controller.http.api.HostsEndpoint;
import io.rmqfleet.controller.http.api.OpenApiEndpoint;
import io.rmqfleet.controller.http.api.OpsEndpoints;
import io.rmqfleet.controller.http.api.RunsEndpoint;
import io.rmqfleet.controller.http.api.SessionEndpoint;
import io.rmqfleet.controller.http.auth.Sessions;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Builds the one router: access log, the admin guard over {@code /api/v1/*}, every endpoint group, and the one
 * failure handler that turns every error into {@code application/problem+json}.
 */
public final class ApiRouter {
    private static final Pattern AGENT_REPORTS = Pattern.compile("/api/v1/agents/[^/]+/reports");

    private ApiRouter() {
    }

    public static Router build(Vertx vertx, ServeConfig config, FleetService fleet, TokenDigest adminToken,
                               Map<String, TokenDigest> agentTokens, Sessions sessions, BooleanSupplier ready) {
        Router router = Router.router(vertx);
        AdminAuth auth = new AdminAuth(adminToken, sessions, ApiRouter::openWithoutAdminToken);
        router.route().handler(new AccessLog());
        router.route("/api/v1/*").handler(auth);
        new AgentReportsEndpoint(fleet, agentTokens, config.reportBodyLimit()).addRoutes(router);
        new SessionEndpoint(auth, sessions).addRoutes(router);
        new HostsEndpoint(fleet).addRoutes(router);
        new ClustersEndpoint(fleet).addRoutes(router);
        new RunsEndpoint(fleet, config.runBodyLimit()).addRoutes(router);
        new DriftEndpoint(fleet).addRoutes(router);
        new EventsEndpoint(fleet).addRoutes(router);
        new OpenApiEndpoint().addRoutes(router);
        new OpsEndpoints(fleet.metrics(), ready, auth, config.metricsPublic()).addRoutes(router);
        new DashboardEndpoint().addRoutes(router);

        ProblemHandler problems = new ProblemHandler();
        router.route().failureHandler(problems);
        // Statuses the router produces itself (no route, wrong method) get the same problem body.
        router.errorHandler(404, ctx -> ProblemHandler.send(ctx, 404, "Not Found",
                "no resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> ProblemHandler.send(ctx, 405, "Method Not Allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
        return router;
    }

    /** Agents use their own tokens; login, logout and the OpenAPI document are public. */
    static boolean openWithoutAdminToken(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals(OpenApiEndpoint.PATH)) {
            return true;
        }
        if (path.equals(SessionEndpoint.PATH)) {
            HttpMethod m = ctx.request().method();
            return m == HttpMethod.POST || m == HttpMethod.DELETE;
        }
        // The ingest route checks the host's own agent token instead (AgentReportsEndpoint).
        return ctx.request().method() == HttpMethod.POST && AGENT_REPORTS.matcher(path).matches();
    }
}

package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.AdminAuth;
import io.rmqfleet.controller.http.ControllerMetrics;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (state restored and serving; 503 before and while
 * shutting down) and {@code /metrics} (Prometheus text; admin token unless {@code metrics_public}).
 */
public final class OpsEndpoints {
    private final ControllerMetrics metrics;
    private final BooleanSupplier ready;
    private final AdminAuth auth;
    private final boolean metricsPublic;

    public OpsEndpoints(ControllerMetrics metrics, BooleanSupplier ready, AdminAuth auth, boolean metricsPublic) {
        this.metrics = metrics;
        this.ready = ready;
        this.auth = auth;
        this.metricsPublic = metricsPublic;
    }

    public void addRoutes(Router router) {
        router.get("/healthz").handler(ctx -> Respond.json(ctx, 200, Respond.object().put("status", "ok")));
        router.get("/readyz").handler(this::readyz);
        router.get("/metrics").handler(this::metrics);
    }

    private void readyz(RoutingContext ctx) {
        boolean ok = ready.getAsBoolean();
        Respond.json(ctx, ok ? 200 : 503, Respond.object().put("status", ok ? "ready" : "starting or stopping"));
    }

    private void metrics(RoutingContext ctx) {
        if (!metricsPublic && !auth.authorized(ctx)) {
            throw Problem.unauthorized("send the admin token as 'Authorization: Bearer <token>'");
        }
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(metrics.scrape());
    }
}

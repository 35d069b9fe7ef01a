package io.rmqfleet.controller.http.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The dashboard page at {@code /}: plain HTML, CSS and JavaScript from the jar, no build step. The page logs in
 * through {@code /api/v1/session} and polls the API.
 */
public final class DashboardEndpoint {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";
    private final Buffer html = StaticResources.load("/dashboard/index.html");
    private final Buffer js = StaticResources.load("/dashboard/app.js");
    private final Buffer css = StaticResources.load("/dashboard/app.css");

    public void addRoutes(Router router) {
        router.get("/").handler(ctx -> send(ctx, "text/html; charset=utf-8", html));
        router.get("/dashboard/app.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", js));
        router.get("/dashboard/app.css").handler(ctx -> send(ctx, "text/css; charset=utf-8", css));
    }

    private static void send(RoutingContext ctx, String type, Buffer body) {
        ctx.response().putHeader("Content-Type", type)
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }
}

package io.rmqfleet.controller.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.rmqfleet.common.report.InvalidReportException;
import io.rmqfleet.controller.state.runs.InvalidRunException;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's one failure handler: every exception and every error status becomes an
 * {@code application/problem+json} answer. Unexpected exceptions are logged (without request headers, which may
 * hold tokens) and answered 500 without internals.
 */
public final class ProblemHandler implements Handler<RoutingContext> {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof Problem p) {
            send(ctx, p.status(), p.title(), p.detail());
        } else if (failure instanceof InvalidReportException | failure instanceof InvalidRunException) {
            send(ctx, 400, "Bad Request", failure.getMessage());
        } else if (failure != null && !(failure instanceof io.vertx.ext.web.handler.HttpException)) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "Internal Server Error", "the controller failed to handle this request; see its log");
        } else {
            int status = failure instanceof io.vertx.ext.web.handler.HttpException h ? h.getStatusCode()
                    : ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            send(ctx, status, HttpResponseStatus.valueOf(status).reasonPhrase(), defaultDetail(status, ctx));
        }
    }

    static String defaultDetail(int status, RoutingContext ctx) {
        return switch (status) {
            case 404 -> "no resource at " + ctx.request().path();
            case 405 -> ctx.request().method() + " is not allowed on " + ctx.request().path();
            case 413 -> "the request body is larger than this endpoint accepts";
            case 401 -> "a valid bearer token is required";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        };
    }

    public static void send(RoutingContext ctx, int status, String title, String detail) {
        JsonObject body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"rmqfleet\"");
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
    }
}

package io.rmqfleet.controller.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One debug line per request: method, path (no query string), status, time. Never headers or bodies: they
 * carry tokens. Agent reports are frequent, so this is off unless the log level is debug.
 */
public final class AccessLog implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger("rmqfleet.access");

    @Override
    public void handle(RoutingContext ctx) {
        if (LOG.isDebugEnabled()) {
            long start = System.nanoTime();
            ctx.addBodyEndHandler(v -> LOG.debug("{} {} {} {}ms", ctx.request().method(), ctx.request().path(),
                    ctx.response().getStatusCode(), (System.nanoTime() - start) / 1_000_000));
        }
        ctx.next();
    }
}

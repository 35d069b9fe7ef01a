package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's read endpoints (paths of the official dashboard where one exists). Every admin call runs on the
 * worker pool; the event loop only routes and writes.
 */
final class ConsoleRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRoutes.class);
    private final ConsoleQueries queries;
    private final WorkerExecutor workers;

    ConsoleRoutes(ConsoleQueries queries, WorkerExecutor workers) {
        this.queries = queries;
        this.workers = workers;
    }

    void addRoutes(Router router) {
        router.get("/cluster/list.query").handler(ctx -> reply(ctx, queries::clusterList));
        router.get("/topic/list.query").handler(ctx -> reply(ctx, queries::topicList));
        router.get("/topic/route.query").handler(ctx ->
            withParams(ctx, p -> () -> queries.topicRoute(p[0]), "topic"));
        router.get("/consumer/groupList.query").handler(ctx -> reply(ctx, queries::groupList));
        router.get("/message/queryMessageByTopicAndKey.query").handler(ctx ->
            withParams(ctx, p -> () -> queries.messagesByKey(p[0], p[1]), "topic", "key"));
        router.get("/message/viewMessage.query").handler(ctx ->
            withParams(ctx, p -> () -> queries.messageById(p[0], p[1]), "topic", "msgId"));
    }

    /** Reads the named query parameters; a missing one is a 400 with the official envelope. */
    private void withParams(RoutingContext ctx, Function<String[], Callable<JsonNode>> work, String... names) {
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String v = ctx.request().getParam(names[i]);
            if (v == null || v.isBlank()) {
                Replies.send(ctx, 400, Replies.error("missing query parameter '" + names[i] + "'"));
                return;
            }
            values[i] = v.strip();
        }
        reply(ctx, work.apply(values));
    }

    private void reply(RoutingContext ctx, Callable<JsonNode> work) {
        workers.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                Replies.send(ctx, 200, Replies.ok(result.result()));
            } else if (result.cause() instanceof ConsoleException e) {
                Replies.send(ctx, 200, Replies.error(e.getMessage()));
            } else {
                LOG.warn("{} failed", ctx.request().path(), result.cause());
                Replies.send(ctx, 500, Replies.error("internal error: " + Failures.describe(result.cause())));
            }
        });
    }
}

package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Paging;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.state.runs.RunEventsParser;
import io.rmqfleet.controller.state.runs.RunRecord;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Run history: {@code POST /api/v1/runs} takes the JSON lines of {@code apply --json FILE} (one run), {@code GET
 * /api/v1/runs} lists runs newest first, {@code GET /api/v1/runs/{id}} returns one with all its events.
 */
public final class RunsEndpoint {
    private final FleetService fleet;
    private final long bodyLimit;

    public RunsEndpoint(FleetService fleet, long bodyLimit) {
        this.fleet = fleet;
        this.bodyLimit = bodyLimit;
    }

    public void addRoutes(Router router) {
        router.post("/api/v1/runs").handler(BodyHandler.create(false).setBodyLimit(bodyLimit)).handler(this::record);
        router.get("/api/v1/runs").handler(this::list);
        router.get("/api/v1/runs/:id").handler(this::one);
    }

    private void record(RoutingContext ctx) {
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        // Parsing a large file takes a while: keep it off the event loop.
        fleet.db().call(() -> RunEventsParser.parse(body, fleet.clock().instant()))
                .compose(run -> fleet.recordRun(run).map(created -> {
                    Respond.json(ctx, created ? 201 : 200, Views.run(run.summary(), false)
                            .put("event_count", run.events().size()));
                    return null;
                }))
                .onFailure(ctx::fail);
    }

    private void list(RoutingContext ctx) {
        Paging paging = Paging.from(ctx);
        fleet.db().call(() -> fleet.stores().runs().list(paging.limit(), paging.offset()))
                .onSuccess(page -> Respond.json(ctx, 200, Respond.page(page, r -> Views.run(r, false))))
                .onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        fleet.db().call(() -> fleet.stores().runs().get(id))
                .onSuccess(run -> {
                    RunRecord r = run.orElse(null);
                    if (r == null) {
                        ctx.fail(Problem.notFound("no run with id '" + id + "'"));
                    } else {
                        Respond.json(ctx, 200, Views.run(r, true));
                    }
                })
                .onFailure(ctx::fail);
    }
}

package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/drift}: the latest check's findings per host/container ({@code ?host=} filters);
 * {@code POST /api/v1/drift/checks}: check now, answer the result; {@code GET /api/v1/drift/checks/{id}}.
 */
public final class DriftEndpoint {
    private final FleetService fleet;

    public DriftEndpoint(FleetService fleet) {
        this.fleet = fleet;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/drift").handler(this::latest);
        router.post("/api/v1/drift/checks").handler(this::checkNow);
        router.get("/api/v1/drift/checks/:id").handler(this::one);
    }

    private void latest(RoutingContext ctx) {
        if (fleet.latestDrift() == null) {
            ctx.fail(Problem.notFound("no drift check has run yet; POST /api/v1/drift/checks starts one"));
            return;
        }
        Respond.json(ctx, 200, Views.driftCheck(fleet.latestDrift(), ctx.request().getParam("host")));
    }

    private void checkNow(RoutingContext ctx) {
        fleet.checkDrift("api")
                .onSuccess(check -> {
                    ctx.response().putHeader("Location", "/api/v1/drift/checks/" + check.id());
                    Respond.json(ctx, 201, Views.driftCheck(check, null));
                })
                .onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            ctx.fail(Problem.notFound("no drift check with id '" + ctx.pathParam("id") + "'"));
            return;
        }
        fleet.db().call(() -> fleet.stores().drift().get(id))
                .onSuccess(check -> {
                    if (check.isEmpty()) {
                        ctx.fail(Problem.notFound("no drift check with id " + id));
                    } else {
                        Respond.json(ctx, 200, Views.driftCheck(check.get(), null));
                    }
                })
                .onFailure(ctx::fail);
    }
}

package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
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
        router.post("/api/v1/drift/checks").handler(BodyHandler.create(false).setBodyLimit(4096))
                .handler(this::checkNow);
        router.get("/api/v1/drift/checks/:id").handler(this::one);
    }

    private void latest(RoutingContext ctx) {
        if (fleet.latestDrift() == null) {
            ctx.fail(Problem.notFound("no drift check has run yet; POST /api/v1/drift/checks starts one"));
            return;
        }
        Respond.json(ctx, 200, Views.driftCheck(fleet.latestDrift(), ctx.request().getParam("host")));
    }

    /** Optional body {@code {"fix": true}}: re-apply the playbook to hosts with fixable findings. */
    private void checkNow(RoutingContext ctx) {
        boolean fix;
        try {
            fix = fixRequested(ctx.body().buffer() == null ? null : ctx.body().buffer().toString());
        } catch (IllegalArgumentException e) {
            ctx.fail(Problem.badRequest(e.getMessage()));
            return;
        }
        if (fix && (fleet.remediator() == null || !fleet.remediator().possible())) {
            ctx.fail(new Problem(409, "Conflict", "remediation is not configured: set drift.playbook in the serve "
                    + "configuration"));
            return;
        }
        fleet.checkDrift("api", fix)
                .onSuccess(result -> {
                    ctx.response().putHeader("Location", "/api/v1/drift/checks/" + result.check().id());
                    ObjectNode body = Views.driftCheck(result.check(), null);
                    if (fix) {
                        ArrayNode hosts = body.putArray("remediating");
                        result.remediating().forEach(hosts::add);
                    }
                    Respond.json(ctx, 201, body);
                })
                .onFailure(ctx::fail);
    }

    static boolean fixRequested(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        JsonObject json;
        try {
            json = new JsonObject(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("$: expected a JSON object such as {\"fix\": true}");
        }
        for (String key : json.fieldNames()) {
            if (!key.equals("fix")) {
                throw new IllegalArgumentException("$." + key + ": unknown field (known: fix)");
            }
        }
        Object fix = json.getValue("fix");
        if (fix != null && !(fix instanceof Boolean)) {
            throw new IllegalArgumentException("$.fix: expected true or false");
        }
        return Boolean.TRUE.equals(fix);
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

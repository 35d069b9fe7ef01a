package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Paging;
import io.rmqfleet.controller.http.Respond;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /api/v1/events}: fleet history, newest first; {@code ?host=} and {@code ?kind=} filter. */
public final class EventsEndpoint {
    private final FleetService fleet;

    public EventsEndpoint(FleetService fleet) {
        this.fleet = fleet;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/events").handler(this::list);
    }

    private void list(RoutingContext ctx) {
        Paging paging = Paging.from(ctx);
        String host = ctx.request().getParam("host");
        String kind = ctx.request().getParam("kind");
        fleet.eventsWritten()
                .compose(v -> fleet.db().call(() -> fleet.stores().events().list(host, kind, paging.limit(),
                        paging.offset())))
                .onSuccess(page -> Respond.json(ctx, 200, Respond.page(page, Views::event)))
                .onFailure(ctx::fail);
    }
}

package io.rmqfleet.controller.http.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.controller.http.FleetService;
import io.rmqfleet.controller.http.Paging;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.StateEvent;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.liveness.Liveness;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /api/v1/hosts} (paged, {@code ?liveness=} filter) and {@code GET /api/v1/hosts/{name}}. */
public final class HostsEndpoint {
    private static final int RECENT_EVENTS = 20;
    private final FleetService fleet;

    public HostsEndpoint(FleetService fleet) {
        this.fleet = fleet;
    }

    public void addRoutes(Router router) {
        router.get("/api/v1/hosts").handler(this::list);
        router.get("/api/v1/hosts/:name").handler(this::one);
    }

    private void list(RoutingContext ctx) {
        Paging paging = Paging.from(ctx);
        Liveness filter = liveness(ctx.request().getParam("liveness"));
        List<HostRecord> all = fleet.state().hosts().stream()
                .filter(h -> filter == null || h.liveness() == filter).toList();
        ObjectNode body = Respond.object();
        ArrayNode items = body.putArray("items");
        FleetLayout layout = fleet.layout();
        all.stream().skip(paging.offset()).limit(paging.limit()).forEach(h -> items.add(Views.host(h, layout)));
        body.put("total", all.size());
        body.put("limit", paging.limit());
        body.put("offset", paging.offset());
        Respond.json(ctx, 200, body);
    }

    private static Liveness liveness(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        for (Liveness l : Liveness.values()) {
            if (l.wire().equals(raw)) {
                return l;
            }
        }
        throw Problem.badRequest("liveness: expected one of unknown, alive, suspect, down");
    }

    private void one(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        HostRecord record = fleet.state().host(name)
                .orElseThrow(() -> Problem.notFound("no host named '" + name + "'"));
        ObjectNode body = Views.host(record, fleet.layout());
        FleetLayout.Machine machine = fleet.layout().machineOf(name);
        ArrayNode expected = body.putArray("expected_containers");
        if (machine != null) {
            machine.expected().forEach(c -> expected.add(Views.expected(c)));
        }
        if (fleet.latestDrift() != null) {
            ArrayNode drift = body.putArray("drift");
            fleet.latestDrift().report().findings().stream().filter(f -> f.host().equals(name))
                    .forEach(f -> drift.add(Views.finding(f)));
        }
        fleet.eventsWritten()
                .compose(v -> fleet.db().call(() -> fleet.stores().events().list(name, null, RECENT_EVENTS, 0)))
                .onSuccess(page -> {
                    ArrayNode events = body.putArray("recent_events");
                    for (StateEvent e : page.items()) {
                        events.add(Views.event(e));
                    }
                    Respond.json(ctx, 200, body);
                })
                .onFailure(ctx::fail);
    }
}

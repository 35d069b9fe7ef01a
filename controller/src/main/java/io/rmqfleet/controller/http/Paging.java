package io.rmqfleet.controller.http;

import io.vertx.ext.web.RoutingContext;

/** {@code ?limit=N&offset=M} of list endpoints: limit 1..1000 (default 100), offset ≥ 0. */
public record Paging(int limit, long offset) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static Paging from(RoutingContext ctx) {
        return new Paging((int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), number(ctx, "offset", 0, 0,
                Long.MAX_VALUE / 2));
    }

    private static long number(RoutingContext ctx, String name, long fallback, long min, long max) {
        String raw = ctx.request().getParam(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw Problem.badRequest(name + ": expected an integer from " + min + " to " + max + ", got '" + raw + "'");
    }
}

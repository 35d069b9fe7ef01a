package io.rmqfleet.controller.http.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3 document of this API (no secrets: public). */
public final class OpenApiEndpoint {
    public static final String PATH = "/api/v1/openapi.json";
    public static final String RESOURCE = "/openapi/rmqfleet-api.json";
    private final Buffer document = StaticResources.load(RESOURCE);

    public void addRoutes(Router router) {
        router.get(PATH).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(document));
    }
}

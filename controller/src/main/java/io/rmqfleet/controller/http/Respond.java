package io.rmqfleet.controller.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.controller.state.store.Page;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Writes JSON answers. */
public final class Respond {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Respond() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static void json(RoutingContext ctx, int status, JsonNode body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(Buffer.buffer(bytes));
    }

    /** {@code {"items": [...], "total": N, "limit": L, "offset": O}}. */
    public static <T> ObjectNode page(Page<T> page, Function<T, JsonNode> item) {
        ObjectNode body = object();
        ArrayNode items = body.putArray("items");
        page.items().forEach(i -> items.add(item.apply(i)));
        body.put("total", page.total());
        body.put("limit", page.limit());
        body.put("offset", page.offset());
        return body;
    }
}

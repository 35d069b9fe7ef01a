package io.rmqfleet.controller.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;

/**
 * The official dashboard's envelope (its JsonResult): {@code {"status":0,"data":...}} on success,
 * {@code {"status":-1,"data":null,"errMsg":"..."}} on failure, both with HTTP 200 as the official one answers.
 */
final class Replies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Replies() {
    }

    static ObjectNode ok(JsonNode data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", 0);
        body.set("data", data);
        body.putNull("errMsg");
        return body;
    }

    static ObjectNode error(String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("status", -1);
        body.putNull("data");
        body.put("errMsg", message);
        return body;
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        String text;
        try {
            text = MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
            .putHeader("Cache-Control", "no-store").end(text);
    }
}

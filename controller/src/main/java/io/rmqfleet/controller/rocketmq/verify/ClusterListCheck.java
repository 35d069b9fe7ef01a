package io.rmqfleet.controller.rocketmq.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.rocketmq.BrokerNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a dashboard's {@code GET /cluster/list.query} answer (the official rocketmq-dashboard's shape, which
 * rmqfleet's console serves too): {@code {"status":0,"data":{"clusterInfo":{"brokerAddrTable":{NAME:{"brokerAddrs":
 * {ID:"ip:port"}}}}}}} must list every broker of the layout at its brokerIP1:listenPort. Pure.
 */
final class ClusterListCheck {

    private ClusterListCheck() {
    }

    /** The problems found; empty when every broker is listed at its address. */
    static List<String> problems(JsonNode answer, List<BrokerNode> expected) {
        if (answer == null || !answer.isObject()) {
            return List.of("the answer is not a JSON object");
        }
        if (answer.path("status").asInt(-1) != 0) {
            String message = answer.path("errMsg").asText("");
            return List.of("the dashboard reports status " + answer.path("status").asText("(none)")
                + (message.isBlank() ? "" : ": " + message));
        }
        JsonNode table = answer.path("data").path("clusterInfo").path("brokerAddrTable");
        if (!table.isObject()) {
            return List.of("no data.clusterInfo.brokerAddrTable in the answer");
        }
        List<String> problems = new ArrayList<>();
        for (BrokerNode broker : expected) {
            JsonNode addrs = table.path(broker.brokerName()).path("brokerAddrs");
            JsonNode listed = addrs.path(Long.toString(broker.brokerId()));
            if (!listed.isTextual()) {
                problems.add(broker.label() + " is not listed");
            } else if (!listed.asText().equals(broker.address())) {
                problems.add(broker.label() + " is listed at " + listed.asText() + ", expected " + broker.address());
            }
        }
        return problems;
    }
}

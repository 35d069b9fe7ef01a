package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The data of {@code GET /consumer/groupList.query}: one row per consumer group with its lag ("diffTotal", the
 * official dashboard's name), or why the lag is unknown (a group that never committed an offset has none).
 */
final class GroupView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A group's row: its lag, or the reason there is none. */
    record Row(String group, boolean system, ConsumerLag lag, String error) {
    }

    private GroupView() {
    }

    static ArrayNode render(List<Row> rows) {
        ArrayNode list = JSON.arrayNode();
        for (Row row : rows) {
            ObjectNode node = list.addObject();
            node.put("group", row.group());
            node.put("system", row.system());
            if (row.lag() != null) {
                node.put("diffTotal", row.lag().diffTotal());
                node.put("consumeTps", row.lag().consumeTps());
                node.put("queues", row.lag().queues());
                ObjectNode perBroker = node.putObject("diffPerBroker");
                row.lag().perBroker().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(e -> perBroker.put(e.getKey(), e.getValue()));
            } else {
                node.putNull("diffTotal");
            }
            if (row.error() != null) {
                node.put("error", row.error());
            }
        }
        return list;
    }
}

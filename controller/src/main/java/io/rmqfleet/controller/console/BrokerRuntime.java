package io.rmqfleet.controller.console;

import java.util.Map;

/**
 * A broker's runtime stats as fetched, or why they could not be fetched (one unreachable broker must not hide the
 * others).
 */
record BrokerRuntime(Map<String, String> stats, String error) {

    BrokerRuntime {
        stats = stats == null ? Map.of() : Map.copyOf(stats);
    }

    static BrokerRuntime of(Map<String, String> stats) {
        return new BrokerRuntime(stats, null);
    }

    static BrokerRuntime failed(String error) {
        return new BrokerRuntime(Map.of(), error);
    }
}

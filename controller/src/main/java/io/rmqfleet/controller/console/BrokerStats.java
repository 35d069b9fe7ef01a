package io.rmqfleet.controller.console;

import java.util.Map;

/**
 * The numbers the console shows from a broker's runtime stats ({@code fetchBrokerRuntimeStats}, the table
 * {@code mqadmin brokerStatus} prints). The TPS entries hold three windows, e.g. {@code "12.00 10.50 9.87"}
 * (10 s, 1 min, 10 min); the console shows the first, like the official dashboard.
 */
final class BrokerStats {
    static final String PUT_TPS = "putTps";
    static final String GET_TPS = "getTransferredTps";
    static final String VERSION = "brokerVersionDesc";

    private BrokerStats() {
    }

    /** The first number of a TPS entry; null when the entry is missing or not a number. */
    static Double tps(Map<String, String> stats, String key) {
        String value = stats == null ? null : stats.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String first = value.strip().split("\\s+")[0];
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

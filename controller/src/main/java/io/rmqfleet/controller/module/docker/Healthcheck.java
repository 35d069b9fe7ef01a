package io.rmqfleet.controller.module.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container health check. {@code test} in Docker's form: {@code ["CMD-SHELL", "cmd"]},
 * {@code ["CMD", "prog", "arg"]} or {@code ["NONE"]} (disabled). Durations in canonical Go form, or null.
 */
record Healthcheck(List<String> test, String interval, String timeout, Integer retries, String startPeriod) {

    boolean disabled() {
        return test.size() == 1 && test.get(0).equals("NONE");
    }

    /** For the canonical spec: only the fields that are set. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        if (interval != null) {
            m.put("interval", interval);
        }
        if (timeout != null) {
            m.put("timeout", timeout);
        }
        if (retries != null) {
            m.put("retries", retries);
        }
        if (startPeriod != null) {
            m.put("start_period", startPeriod);
        }
        return m;
    }
}

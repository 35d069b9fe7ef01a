package io.rmqfleet.controller.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to the fleet, kept as history: a liveness transition, drift appearing or going away,
 * a run recorded. {@code id} is 0 until stored.
 */
public record StateEvent(long id, Instant at, String kind, String host, String summary, Map<String, Object> data) {
    public static final String LIVENESS = "liveness";
    public static final String DRIFT_DETECTED = "drift_detected";
    public static final String DRIFT_RESOLVED = "drift_resolved";
    public static final String RUN_RECORDED = "run_recorded";
    public static final String CONTROLLER_STARTED = "controller_started";
    public static final String REPORTS_MISSING = "reports_missing";
    public static final String REMEDIATION_STARTED = "remediation_started";
    public static final String REMEDIATION_FINISHED = "remediation_finished";

    public StateEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        data = data == null ? Map.of() : data;
    }

    public static StateEvent of(Instant at, String kind, String host, String summary, Map<String, Object> data) {
        return new StateEvent(0, at, kind, host, summary, data);
    }
}

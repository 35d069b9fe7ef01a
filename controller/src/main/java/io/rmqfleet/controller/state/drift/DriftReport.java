package io.rmqfleet.controller.state.drift;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The result of one drift check over the whole fleet. */
public record DriftReport(Instant checkedAt, int machinesChecked, int containersChecked, List<DriftFinding> findings) {
    public DriftReport {
        findings = List.copyOf(findings);
    }

    public boolean clean() {
        return findings.isEmpty();
    }

    public Map<DriftKind, Integer> countByKind() {
        Map<DriftKind, Integer> counts = new EnumMap<>(DriftKind.class);
        for (DriftKind k : DriftKind.values()) {
            counts.put(k, 0);
        }
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }
}

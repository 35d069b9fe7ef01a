package io.rmqfleet.controller.rocketmq.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify --json}: one JSON document for scripts.
 * <pre>
 * {"passed": false, "run_id": "...", "elapsed_ms": 4210,
 *  "summary": {"total": 18, "passed": 16, "failed": 1, "skipped": 1},
 *  "checks": [{"check": "broker.ha", "target": "broker-a/1 -> broker-a/0", "result": "fail", "detail": "..."}]}
 * </pre>
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String render(VerifyReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", report.passed());
        doc.put("run_id", report.runId());
        doc.put("elapsed_ms", report.elapsed().toMillis());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", report.results().size());
        summary.put("passed", report.count(Outcome.PASS));
        summary.put("failed", report.count(Outcome.FAIL));
        summary.put("skipped", report.count(Outcome.SKIP));
        doc.put("summary", summary);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", r.check());
            row.put("target", r.target());
            row.put("result", r.outcome().json());
            row.put("detail", r.detail());
            checks.add(row);
        }
        doc.put("checks", checks);
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the verify report as JSON", e);
        }
    }
}

package io.rmqfleet.controller.rocketmq.verify;

import java.util.List;
import java.util.Locale;

/**
 * The human-readable report: a table (check, target, result, detail) and a summary line. The detail column is
 * not padded, so long reasons stay on one line and the table still lines up.
 */
public final class ReportTable {
    private static final String[] HEADER = {"CHECK", "TARGET", "RESULT", "DETAIL"};

    private ReportTable() {
    }

    public static String render(VerifyReport report) {
        List<CheckResult> rows = report.results();
        int checkWidth = HEADER[0].length();
        int targetWidth = HEADER[1].length();
        for (CheckResult r : rows) {
            checkWidth = Math.max(checkWidth, r.check().length());
            targetWidth = Math.max(targetWidth, r.target().length());
        }
        String format = "%-" + checkWidth + "s  %-" + targetWidth + "s  %-6s  %s";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, format, (Object[]) HEADER).stripTrailing()).append('\n');
        for (CheckResult r : rows) {
            out.append(String.format(Locale.ROOT, format, r.check(), r.target(), r.outcome().name(), r.detail())
                .stripTrailing()).append('\n');
        }
        out.append('\n').append(summary(report)).append('\n');
        return out.toString();
    }

    /** "verify: PASSED, 17 passed, 0 failed, 0 skipped in 4.2 s (run 1a2b3c)". */
    public static String summary(VerifyReport report) {
        return String.format(Locale.ROOT, "verify: %s, %d passed, %d failed, %d skipped in %.1f s (run %s)",
            report.passed() ? "PASSED" : "FAILED", report.count(Outcome.PASS), report.count(Outcome.FAIL),
            report.count(Outcome.SKIP), report.elapsed().toMillis() / 1000.0, report.runId());
    }
}

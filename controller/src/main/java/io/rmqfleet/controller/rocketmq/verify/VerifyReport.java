package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.cli.ExitCodes;
import java.time.Duration;
import java.util.List;

/**
 * Everything verify found, in the order the checks ran.
 *
 * @param runId   the unique id of this run (in the test messages' keys)
 * @param results one row per check
 * @param elapsed wall-clock time of the whole run
 */
public record VerifyReport(String runId, List<CheckResult> results, Duration elapsed) {

    public VerifyReport {
        results = List.copyOf(results);
    }

    /** True when no check failed (skipped checks follow a failed one, so they never stand alone). */
    public boolean passed() {
        return results.stream().noneMatch(CheckResult::failed) && !results.isEmpty();
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** 0 when everything passed, 2 when any check failed (as ansible-playbook for a failed host). */
    public int exitCode() {
        return passed() ? ExitCodes.OK : ExitCodes.HOST_FAILED;
    }
}

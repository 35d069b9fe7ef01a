package io.rmqfleet.controller.rocketmq.verify;

/**
 * One row of the verify report.
 *
 * @param check   a stable name such as {@code namesrv.registration} (scripts match on it)
 * @param target  what was checked, e.g. {@code broker-a/0 @ ns1}
 * @param outcome pass, fail or skip
 * @param detail  what was seen, or why it failed, for a person
 */
public record CheckResult(String check, String target, Outcome outcome, String detail) {

    public static CheckResult pass(String check, String target, String detail) {
        return new CheckResult(check, target, Outcome.PASS, detail);
    }

    public static CheckResult fail(String check, String target, String detail) {
        return new CheckResult(check, target, Outcome.FAIL, detail);
    }

    public static CheckResult skip(String check, String target, String detail) {
        return new CheckResult(check, target, Outcome.SKIP, detail);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}

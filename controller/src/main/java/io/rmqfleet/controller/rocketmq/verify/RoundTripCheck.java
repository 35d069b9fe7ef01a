package io.rmqfleet.controller.rocketmq.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Judges the test messages: every one acknowledged and consumed back, on every master. Pure. */
final class RoundTripCheck {
    static final String NAME = "messages.roundtrip";

    private RoundTripCheck() {
    }

    static CheckResult evaluate(String target, RoundTrip trip, List<String> masters) {
        if (trip.setupError() != null) {
            return CheckResult.fail(NAME, target, trip.setupError());
        }
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", trip.elapsed().toMillis() / 1000.0);
        String perBroker = new TreeMap<>(trip.sentPerBroker()).entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        List<String> problems = new ArrayList<>();
        if (trip.sent() < trip.requested()) {
            problems.add("sent " + trip.sent() + " of " + trip.requested()
                + (trip.sendErrors().isEmpty() ? "" : " (" + errors(trip.sendErrors()) + ")"));
        }
        if (trip.consumed() < trip.sent()) {
            problems.add("consumed " + trip.consumed() + " of " + trip.sent() + " sent messages within " + seconds
                + (trip.missingKeys().isEmpty() ? "" : "; missing keys " + String.join(", ", trip.missingKeys())));
        }
        if (trip.requested() >= masters.size()) {
            Map<String, Integer> sent = trip.sentPerBroker();
            List<String> silent = masters.stream().filter(m -> sent.getOrDefault(m, 0) == 0).toList();
            if (!silent.isEmpty()) {
                problems.add("no message was stored on " + String.join(", ", silent));
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.fail(NAME, target, String.join("; ", problems)
                + (perBroker.isEmpty() ? "" : " [sent: " + perBroker + "]"));
        }
        return CheckResult.pass(NAME, target, trip.sent() + "/" + trip.requested() + " sent and consumed back in "
            + seconds + " (" + perBroker + ")");
    }

    /** The same failure repeats for every message to a broker: "10 x broker-b: cannot connect ...; 2 x ...". */
    private static String errors(List<String> errors) {
        Map<String, Long> counted = errors.stream()
            .collect(Collectors.groupingBy(e -> e, java.util.LinkedHashMap::new, Collectors.counting()));
        return counted.entrySet().stream()
            .map(e -> e.getValue() == 1 ? e.getKey() : e.getValue() + " x " + e.getKey())
            .collect(Collectors.joining("; "));
    }
}

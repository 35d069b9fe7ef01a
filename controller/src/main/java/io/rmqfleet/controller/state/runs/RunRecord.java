package io.rmqfleet.controller.state.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One apply/check run as its {@code --json} event stream told it.
 *
 * @param status    {@code ok}, {@code failed} (some host failed), {@code unreachable}, {@code error},
 *                  {@code interrupted}, or {@code incomplete} when the stream has no {@code run_end}
 * @param exitCode  the run's exit code; null while incomplete
 * @param elapsedMs the run's duration; null while incomplete
 * @param recap     per host counters from {@code run_end}
 * @param events    every event, in order, as received
 */
public record RunRecord(String id, Instant receivedAt, Instant startedAt, Instant finishedAt, String status,
                        Integer exitCode, Long elapsedMs, List<String> plays, Map<String, Object> recap,
                        List<Map<String, Object>> events) {
    public RunRecord {
        plays = List.copyOf(plays);
        recap = recap == null ? Map.of() : recap;
        events = List.copyOf(events);
    }

    /** Without the events: what run lists show. */
    public RunRecord summary() {
        return new RunRecord(id, receivedAt, startedAt, finishedAt, status, exitCode, elapsedMs, plays, recap,
                List.of());
    }

    public static String statusOf(Integer exitCode) {
        if (exitCode == null) {
            return "incomplete";
        }
        return switch (exitCode) {
            case 0 -> "ok";
            case 2 -> "failed";
            case 3 -> "unreachable";
            case 99 -> "interrupted";
            default -> "error";
        };
    }
}

package io.rmqfleet.agent.deliver;

/** What became of one attempt to deliver a report. */
public sealed interface Outcome {

    /** The controller stored it (2xx). */
    record Delivered(int status) implements Outcome {
    }

    /**
     * The controller refused this report for good (4xx other than 429): sending it again cannot help.
     * {@code detail} is the start of the answer's body, for the log.
     */
    record Rejected(int status, String detail) implements Outcome {
    }

    /**
     * The controller could not take it now (unreachable, timeout, 5xx, 429, garbled answer): keep it and retry.
     * {@code retryAfterMillis} is the controller's {@code Retry-After}, or 0.
     */
    record Retry(String reason, long retryAfterMillis) implements Outcome {
    }
}

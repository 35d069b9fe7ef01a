package io.rmqfleet.controller.executor;

/** One host's answer to {@code rmqfleet ping}: reachable, or why not. */
public record PingResult(String host, boolean reachable, String message) {
}

package io.rmqfleet.controller.executor;

import java.time.Duration;

/** Waits between retries; injected so tests can count the delays instead of sleeping through them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}

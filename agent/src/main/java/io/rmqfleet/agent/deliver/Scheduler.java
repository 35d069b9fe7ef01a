package io.rmqfleet.agent.deliver;

/** One-shot timers on the thread that owns the delivery state (a Vert.x context in production). */
public interface Scheduler {
    /** Runs {@code task} after {@code delayMillis} (at least 1 ms); returns an id for {@link #cancel}. */
    long schedule(long delayMillis, Runnable task);

    void cancel(long id);
}

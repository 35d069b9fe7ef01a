package io.rmqfleet.agent.testing;

import io.rmqfleet.agent.deliver.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers driven by a {@link ManualClock}: {@link #advance} moves the clock and runs what became due. */
public final class ManualScheduler implements Scheduler {
    private record Timer(long id, long dueMillis, Runnable task) {
    }

    private final ManualClock clock;
    private final List<Timer> timers = new ArrayList<>();
    private long nextId;

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public long schedule(long delayMillis, Runnable task) {
        long id = nextId++;
        timers.add(new Timer(id, clock.millis() + delayMillis, task));
        return id;
    }

    @Override
    public void cancel(long id) {
        timers.removeIf(t -> t.id() == id);
    }

    /** Advances the clock step by step, running each timer at its due time. */
    public void advance(Duration by) {
        long end = clock.millis() + by.toMillis();
        while (true) {
            Timer next = timers.stream().filter(t -> t.dueMillis() <= end)
                    .min(Comparator.comparingLong(Timer::dueMillis)).orElse(null);
            if (next == null) {
                break;
            }
            timers.remove(next);
            if (next.dueMillis() > clock.millis()) {
                clock.advance(Duration.ofMillis(next.dueMillis() - clock.millis()));
            }
            next.task().run();
        }
        if (end > clock.millis()) {
            clock.advance(Duration.ofMillis(end - clock.millis()));
        }
    }

    public int pending() {
        return timers.size();
    }

    /** Milliseconds until the earliest pending timer, or -1. */
    public long nextDueInMillis() {
        return timers.stream().mapToLong(Timer::dueMillis).min().orElse(clock.millis() - 1) - clock.millis();
    }
}

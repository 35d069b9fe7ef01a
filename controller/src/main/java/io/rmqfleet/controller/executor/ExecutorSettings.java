package io.rmqfleet.controller.executor;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run behaves regardless of the playbook: parallelism, {@code --check}, {@code --diff}, and the injected
 * time sources (a clock for durations, a sleeper for retry delays).
 *
 * @param forks          how many hosts work on a task at the same time ({@code --forks}, Ansible's default 10)
 * @param commandTimeout the longest one remote command of a task may take
 */
public record ExecutorSettings(int forks, boolean checkMode, boolean diffMode, Clock clock, Sleeper sleeper,
                               Duration commandTimeout) {

    public static final int DEFAULT_FORKS = 10;
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(30);

    public ExecutorSettings {
        if (forks < 1) {
            throw new IllegalArgumentException("forks must be at least 1: " + forks);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    public static ExecutorSettings defaults() {
        return new ExecutorSettings(DEFAULT_FORKS, false, false, Clock.systemUTC(), Sleeper.SYSTEM,
            DEFAULT_COMMAND_TIMEOUT);
    }

    public ExecutorSettings withForks(int n) {
        return new ExecutorSettings(n, checkMode, diffMode, clock, sleeper, commandTimeout);
    }

    public ExecutorSettings withCheckMode(boolean check) {
        return new ExecutorSettings(forks, check, diffMode, clock, sleeper, commandTimeout);
    }

    public ExecutorSettings withDiffMode(boolean diff) {
        return new ExecutorSettings(forks, checkMode, diff, clock, sleeper, commandTimeout);
    }

    public ExecutorSettings withTime(Clock newClock, Sleeper newSleeper) {
        return new ExecutorSettings(forks, checkMode, diffMode, newClock, newSleeper, commandTimeout);
    }
}

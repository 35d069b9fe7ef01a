package io.rmqfleet.controller.rocketmq.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs remote questions in parallel and waits for each at most until its timeout (or the deadline): a call that
 * hangs inside a client library still ends as a failed {@link Attempt}, never as a hung verify.
 */
final class Calls implements AutoCloseable {
    private static final int THREADS = 8;
    private final ExecutorService pool;
    private final Deadline deadline;
    private final Duration callTimeout;

    Calls(Deadline deadline, Duration callTimeout) {
        this.deadline = deadline;
        this.callTimeout = callTimeout;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "rmqfleet-verify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(THREADS, daemons);
    }

    /**
     * One result per call, in order. The clients enforce the call timeout themselves; this guard (twice that, for
     * a cold JVM on a busy machine) only catches a call that hangs.
     */
    <T> List<Attempt<T>> all(List<Callable<T>> calls) {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(call));
        }
        List<Attempt<T>> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(await(f));
        }
        return results;
    }

    <T> Attempt<T> one(Callable<T> call) {
        return all(List.of(call)).get(0);
    }

    /** For work that watches the deadline itself (the message round trip): waits until it, plus some grace. */
    <T> Attempt<T> untilDeadline(Callable<T> call) {
        return await(pool.submit(call), deadline.remaining().plusSeconds(2));
    }

    private <T> Attempt<T> await(Future<T> future) {
        return await(future, deadline.cap(callTimeout.multipliedBy(2)));
    }

    private <T> Attempt<T> await(Future<T> future, Duration wait) {
        try {
            return Attempt.ok(future.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Attempt.failed("no answer within " + Reasons.seconds(wait));
        } catch (ExecutionException e) {
            return Attempt.failed(Reasons.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return Attempt.failed("interrupted");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

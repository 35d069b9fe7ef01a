package io.rmqfleet.controller.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * {@code --forks}: a fixed pool of worker threads on which hosts work through a task in parallel. Blocking SSH
 * calls are fine here (these are not Vert.x event loops). One pool serves the whole run.
 */
public final class ForkPool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ExecutorService workers;
    private final int size;

    public ForkPool(int forks) {
        this.size = forks;
        int pool = POOLS.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(forks, r -> {
            Thread t = new Thread(r, "rmqfleet-fork-" + pool + "-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int size() {
        return size;
    }

    /**
     * Runs {@code work} for every host, at most {@link #size()} at once, and returns the results in host order
     * once all are done. The work reports its own result as soon as it finishes (completion order).
     *
     * @throws InterruptedException when the run is interrupted; the hosts' work is cancelled
     */
    public <R> List<R> map(List<String> hosts, Function<String, R> work) throws InterruptedException {
        if (hosts.size() == 1) {
            return List.of(work.apply(hosts.get(0))); // no hand-off for a single host
        }
        List<Future<R>> pending = new ArrayList<>(hosts.size());
        for (String host : hosts) {
            pending.add(workers.submit(() -> work.apply(host)));
        }
        List<R> results = new ArrayList<>(hosts.size());
        try {
            for (Future<R> f : pending) {
                results.add(f.get());
            }
        } catch (InterruptedException | CancellationException e) {
            pending.forEach(f -> f.cancel(true));
            throw e instanceof InterruptedException ie ? ie : new InterruptedException("cancelled");
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        return results;
    }

    /** Stops the workers, interrupting whatever they do (Ctrl-C). */
    public void cancel() {
        workers.shutdownNow();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

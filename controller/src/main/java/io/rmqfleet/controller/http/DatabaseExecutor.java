package io.rmqfleet.controller.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/**
 * Runs JDBC work on the named worker pool {@code rmqfleet-db}, never on an event loop; the future completes back
 * on the caller's context.
 */
public final class DatabaseExecutor {
    public static final String POOL = "rmqfleet-db";
    private final WorkerExecutor workers;

    public DatabaseExecutor(Vertx vertx) {
        this.workers = vertx.createSharedWorkerExecutor(POOL, 2);
    }

    public <T> Future<T> call(Callable<T> work) {
        // Unordered: reads and independent writes may overlap; the pool is small anyway.
        return workers.executeBlocking(work, false);
    }

    public Future<Void> close() {
        return workers.close();
    }
}

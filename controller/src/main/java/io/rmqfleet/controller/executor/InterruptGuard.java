package io.rmqfleet.controller.executor;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a run: stop the executor (no new task starts, connections close so running commands end), let
 * the run wind down for a moment, say so like Ansible and exit 99. Installed for the duration of one run.
 */
public final class InterruptGuard implements AutoCloseable {
    /** ansible-playbook's exit code for a run the user interrupted. */
    public static final int EXIT_CODE = 99;
    private static final long WIND_DOWN_SECONDS = 10;

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean active = true;

    private InterruptGuard(PlaybookExecutor executor, PrintWriter err) {
        this.hook = new Thread(() -> {
            if (!active) {
                return;
            }
            executor.interrupt();
            try {
                finished.await(WIND_DOWN_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println(" [ERROR]: User interrupted execution");
            err.flush();
            // a shutdown hook cannot choose the exit status any other way
            Runtime.getRuntime().halt(EXIT_CODE);
        }, "rmqfleet-interrupt");
    }

    public static InterruptGuard install(PlaybookExecutor executor, PrintWriter err) {
        InterruptGuard guard = new InterruptGuard(executor, err);
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    @Override
    public void close() {
        active = false;
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running: it sees the run finished and exits 99
        }
    }
}

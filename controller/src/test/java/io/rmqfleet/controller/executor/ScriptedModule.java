package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of the {@code command} module: its free-form text is a tiny script that says what happens, so a
 * playbook can describe per-host outcomes with templates. Words: {@code ok}, {@code changed}, {@code fail}
 * (rc=3, stderr "boom"), {@code count} (changed; stdout is how often this host ran it), {@code barrier}
 * (waits until {@link #barrier} parties arrive). It uses the host's connection like a real module, and records
 * every call in order.
 */
final class ScriptedModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder().optional("_raw_params", "cmd").build();

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<Boolean> checkModes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    volatile CyclicBarrier barrier;

    @Override
    public String name() {
        return "command";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        String script = args.string("_raw_params").strip();
        calls.add(ctx.hostName() + ":" + script);
        checkModes.add(ctx.checkMode());
        ExecResult probe = ctx.connection().exec("true", ctx.commandTimeout());
        int now = running.incrementAndGet();
        maxRunning.accumulateAndGet(now, Math::max);
        try {
            String word = script.split("\\s+")[0];
            return switch (word) {
                case "ok" -> ModuleResult.okBuilder().rc(probe.exitCode()).stdout("").build();
                case "changed" -> ModuleResult.builder(true).rc(0).stdout("did it").build();
                case "fail" -> throw new ModuleFailure("command failed", new ExecResult(3, "", "line1\nboom"));
                case "count" -> {
                    int n = counts.computeIfAbsent(ctx.hostName(), h -> new AtomicInteger()).incrementAndGet();
                    yield ModuleResult.builder(true).rc(0).stdout(Integer.toString(n)).build();
                }
                case "barrier" -> {
                    await();
                    yield ModuleResult.okBuilder().build();
                }
                default -> throw new ModuleFailure("unknown script word " + word);
            };
        } finally {
            running.decrementAndGet();
        }
    }

    private void await() {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("interrupted");
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new ModuleFailure("barrier not reached: " + e);
        }
    }

    /** The calls of one host, in order. */
    List<String> callsOf(String host) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.startsWith(host + ":")).map(c -> c.substring(host.length() + 1))
                .toList();
        }
    }
}

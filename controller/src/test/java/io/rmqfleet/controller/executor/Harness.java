package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.ConsoleCallback;
import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.Recap;
import io.rmqfleet.controller.callback.RunListener;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleRegistry;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.control.AssertModule;
import io.rmqfleet.controller.module.control.DebugModule;
import io.rmqfleet.controller.module.control.FailModule;
import io.rmqfleet.controller.module.control.SetFactModule;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.plan.PlanOptions;
import io.rmqfleet.controller.playbook.plan.Planner;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.FakeInventory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs playbooks through the real parser, planner and executor against pretend hosts: the {@code command}
 * module is {@link ScriptedModule}, connections come from {@link FakeHosts}, time never passes and retry delays
 * are recorded instead of slept.
 */
final class Harness {
    private static final Templar TEMPLAR = new Templar();

    final Path dir;
    final FakeInventory inventory = new FakeInventory();
    final ScriptedModule command = new ScriptedModule();
    final FakeHosts hosts = new FakeHosts();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    final List<HostTaskResult> counted = Collections.synchronizedList(new ArrayList<>());
    /** Called with the executor just before it runs (e.g. to interrupt it from another thread). */
    java.util.function.Consumer<PlaybookExecutor> beforeRun = e -> { };
    ExecutorSettings settings = new ExecutorSettings(10, false, false,
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), sleeps::add, Duration.ofMinutes(1));

    Harness(Path dir, String... hostNames) {
        this.dir = dir;
        inventory.group("all_hosts", hostNames);
    }

    record Result(int exitCode, String output, Recap recap, int connectionsOpened) {
        String recapLine(String host) {
            return output.lines().filter(l -> l.startsWith(host + " ") && l.contains(" : ok=")).findFirst()
                .orElseThrow(() -> new AssertionError("no recap line for " + host + " in:\n" + output));
        }
    }

    Harness file(String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Result run(String playbook) {
        return run(playbook, PlanOptions.DEFAULTS);
    }

    Result run(String playbook, PlanOptions options) {
        file("site.yml", playbook);
        PlaybookParser parser = new PlaybookParser();
        Plan plan = new Planner(TEMPLAR).plan(inventory, parser.parse(dir.resolve("site.yml")), options);
        ModuleRegistry modules = new ModuleRegistry(List.of(command, new FakeSetup(), new DebugModule(),
            new SetFactModule(), new AssertModule(), new FailModule()));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        RunListener console = new ConsoleCallback(new PrintStream(buffer, true, StandardCharsets.UTF_8), 0, true);
        RunListener recorder = new RunListener() {
            @Override
            public void hostResult(HostTaskResult result) {
                counted.add(result);
            }
        };
        PlaybookExecutor executor = new PlaybookExecutor(modules, hosts, new IncludeLoader(parser, plan.tags()),
            settings.withCheckMode(options.checkMode() || settings.checkMode()), List.of(console, recorder));
        beforeRun.accept(executor);
        int code = executor.run(plan);
        return new Result(code, buffer.toString(StandardCharsets.UTF_8), executor.recap(),
            executor.connectionsOpened());
    }

    /** setup without a host: a fixed fact set. */
    static final class FakeSetup implements TaskModule {
        @Override
        public String name() {
            return "setup";
        }

        @Override
        public boolean supportsCheckMode() {
            return true;
        }

        @Override
        public ArgSpec argSpec() {
            return ArgSpec.builder().optional("filter").build();
        }

        @Override
        public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
            ctx.connection();
            return ModuleResult.okBuilder().facts(Map.of("os_family", "Debian", "hostname", ctx.hostName())).build();
        }
    }
}

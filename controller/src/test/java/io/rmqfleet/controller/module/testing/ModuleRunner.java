package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.module.ControllerFiles;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleInvoker;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.TemplateRenderer;

import java.time.Clock;
import java.util.Map;

/** Runs modules against one connection the way the executor will: through {@link ModuleInvoker}. */
public final class ModuleRunner {
    private final Connection connection;
    private final TemplateRenderer templates;
    private final ControllerFiles files;
    private Clock clock = Clock.systemUTC();

    public ModuleRunner(Connection connection, TemplateRenderer templates, ControllerFiles files) {
        this.connection = connection;
        this.templates = templates;
        this.files = files;
    }

    public ModuleRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    public ModuleResult apply(TaskModule module, Map<String, ?> args) {
        return run(module, args, false, true);
    }

    public ModuleResult check(TaskModule module, Map<String, ?> args) {
        return run(module, args, true, true);
    }

    public ModuleResult run(TaskModule module, Map<String, ?> args, boolean check, boolean diff) {
        ModuleContext ctx = ModuleContext.builder(connection == null ? "controller" : connection.hostName())
                .connection(connection)
                .checkMode(check)
                .diffMode(diff)
                .clock(clock)
                .templates(templates)
                .files(files)
                .build();
        return ModuleInvoker.invoke(module, ctx, args);
    }
}

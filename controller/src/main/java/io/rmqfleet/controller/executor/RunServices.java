package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.module.ModuleRegistry;

/**
 * The run-wide machinery every play uses: modules, the per-host connections, the fork pool, the reporter, the
 * loader for {@code include_tasks} and the settings.
 */
record RunServices(
    ModuleRegistry modules,
    HostConnections connections,
    ForkPool forks,
    Reporter reporter,
    IncludeLoader includes,
    ExecutorSettings settings,
    RunState run) {
}

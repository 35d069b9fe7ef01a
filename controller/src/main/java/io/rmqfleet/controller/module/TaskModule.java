package io.rmqfleet.controller.module;

/**
 * One kind of task (like an Ansible module): compares the wanted state with the host's actual state and changes
 * only the difference. A module never prints; everything it has to say goes into its {@link ModuleResult}.
 *
 * <p>Problems with the task's arguments or with the host are thrown as {@link ModuleFailure} and turned into a
 * failed result by {@link ModuleInvoker}; a broken connection surfaces as
 * {@link io.rmqfleet.controller.connection.UnreachableException} and is left to the executor.
 */
public interface TaskModule {

    /** The name used in playbooks, e.g. {@code copy} or {@code docker_container}. */
    String name();

    /** True when the module can predict its changes without making them ({@code --check}). */
    boolean supportsCheckMode();

    /** False for modules that run entirely on the controller (debug, set_fact, assert, fail). */
    default boolean needsConnection() {
        return true;
    }

    /** The arguments this module accepts, used to reject typos before anything runs. */
    ArgSpec argSpec();

    ModuleResult run(ModuleContext ctx, ModuleArgs args);
}

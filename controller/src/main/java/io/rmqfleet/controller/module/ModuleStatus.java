package io.rmqfleet.controller.module;

/** How a task ended on one host (unreachable is not a module outcome: the executor decides it). */
public enum ModuleStatus {
    OK, CHANGED, FAILED, SKIPPED
}

package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.TaskStatus;

/**
 * How a task ended on one host, as the strategy needs it: a failure that {@code ignore_errors} turned into
 * "...ignoring" lets the host go on; a failure inside a block with {@code rescue:} is {@code rescued}.
 */
record HostOutcome(String host, TaskStatus status, boolean ignored, boolean rescued) {

    /** The host stops running this task list (it may still run a rescue or always section). */
    boolean failed() {
        return status == TaskStatus.FAILED && !ignored;
    }

    boolean unreachable() {
        return status == TaskStatus.UNREACHABLE;
    }
}

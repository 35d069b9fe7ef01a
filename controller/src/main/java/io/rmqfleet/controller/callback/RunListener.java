package io.rmqfleet.controller.callback;

import java.time.Duration;

/**
 * What the executor tells the outside world while it runs. Output is a listener, like Ansible's callback
 * plug-ins: the console, the JSON event file and run history are independent listeners. Calls arrive from one
 * thread at a time (the executor serialises them).
 */
public interface RunListener {

    default void playStarted(String playName) {
    }

    /** A task starts; {@code handler} marks "RUNNING HANDLER". */
    default void taskStarted(String taskName, boolean handler) {
    }

    /**
     * A task (or, for a loop, the whole loop) finished on a host: this is what the recap counts. A loop's result
     * carries the key {@code _loop} in its data; its items were reported by {@link #itemResult} before.
     */
    default void hostResult(HostTaskResult result) {
    }

    /** One item of a loop finished on a host (shown, not counted: the loop's {@link #hostResult} is). */
    default void itemResult(HostTaskResult result) {
    }

    /** An attempt did not meet {@code until:}; the task runs again after its delay. */
    default void retrying(HostTaskResult attempt, int retriesLeft) {
    }

    /** {@code include_tasks} loaded {@code file} for {@code hosts} ({@code itemLabel} null outside loops). */
    default void included(String file, java.util.List<String> hosts, String itemLabel) {
    }

    /** The play's host pattern matched no host that is still in the run. */
    default void noHostsMatched() {
    }

    /** A play stopped early, e.g. max_fail_percentage exceeded or any_errors_fatal. */
    default void playAborted(String reason) {
    }

    default void runFinished(Recap recap, Duration elapsed) {
    }
}

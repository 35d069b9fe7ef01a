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

    default void hostResult(HostTaskResult result) {
    }

    /** A play stopped early, e.g. max_fail_percentage exceeded or any_errors_fatal. */
    default void playAborted(String reason) {
    }

    default void runFinished(Recap recap, Duration elapsed) {
    }
}

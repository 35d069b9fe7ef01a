package io.rmqfleet.controller.cli;

/** Exit codes shared with ansible-playbook, so scripts written for one work with the other. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int HOST_FAILED = 2;
    public static final int HOST_UNREACHABLE = 3;
    public static final int BAD_INPUT = 4;
    public static final int INTERRUPTED = 99;

    private ExitCodes() {
    }
}

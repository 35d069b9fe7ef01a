package io.rmqfleet.controller.callback;

/** The outcome of one task on one host (or one loop item), as Ansible names it. */
public enum TaskStatus {
    OK("ok"),
    CHANGED("changed"),
    SKIPPED("skipping"),
    FAILED("fatal"),
    UNREACHABLE("fatal");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    /** The word that starts the console line: {@code ok:}, {@code changed:}, {@code skipping:}, {@code fatal:}. */
    public String label() {
        return label;
    }
}

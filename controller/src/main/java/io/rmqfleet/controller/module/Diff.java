package io.rmqfleet.controller.module;

import java.util.Objects;

/**
 * What a task changes (or would change in check mode), as before/after text, e.g. a file's old and new content
 * or a container's old and new spec. Shown with {@code --diff} as a unified diff.
 */
public record Diff(String beforeHeader, String afterHeader, String before, String after) {

    public Diff {
        Objects.requireNonNull(beforeHeader);
        Objects.requireNonNull(afterHeader);
        before = before == null ? "" : before;
        after = after == null ? "" : after;
    }

    public static Diff of(String header, String before, String after) {
        return new Diff(header + " (before)", header + " (after)", before, after);
    }

    public boolean isEmpty() {
        return before.equals(after);
    }

    public String unified() {
        return UnifiedDiff.render(beforeHeader, afterHeader, before, after);
    }
}

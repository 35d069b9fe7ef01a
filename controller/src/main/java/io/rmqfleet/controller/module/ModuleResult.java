package io.rmqfleet.controller.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one module run on one host: status, message, command output where there is one, an optional
 * before/after diff, facts to add to the host's variables, and module-specific data. {@link #data()} is what
 * {@code register:} captures, with Ansible's key names.
 */
public final class ModuleResult {
    private final ModuleStatus status;
    private final String msg;
    private final Integer rc;
    private final String stdout;
    private final String stderr;
    private final List<Diff> diffs;
    private final Map<String, Object> facts;
    private final Map<String, Object> extra;

    private ModuleResult(Builder b) {
        this.status = b.status;
        this.msg = b.msg;
        this.rc = b.rc;
        this.stdout = b.stdout;
        this.stderr = b.stderr;
        this.diffs = List.copyOf(b.diffs);
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(b.facts));
        this.extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
    }

    /** A result that changed something when {@code changed}, else ok. */
    public static Builder builder(boolean changed) {
        return new Builder(changed ? ModuleStatus.CHANGED : ModuleStatus.OK);
    }

    public static Builder okBuilder() {
        return new Builder(ModuleStatus.OK);
    }

    public static ModuleResult failed(String msg) {
        return new Builder(ModuleStatus.FAILED).msg(msg).build();
    }

    public static Builder failure(String msg) {
        return new Builder(ModuleStatus.FAILED).msg(msg);
    }

    public static ModuleResult skipped(String msg) {
        return new Builder(ModuleStatus.SKIPPED).msg(msg).build();
    }

    public ModuleStatus status() {
        return status;
    }

    public boolean changed() {
        return status == ModuleStatus.CHANGED;
    }

    public boolean failed() {
        return status == ModuleStatus.FAILED;
    }

    public boolean skipped() {
        return status == ModuleStatus.SKIPPED;
    }

    public Optional<String> msg() {
        return Optional.ofNullable(msg);
    }

    public Optional<Integer> rc() {
        return Optional.ofNullable(rc);
    }

    public Optional<String> stdout() {
        return Optional.ofNullable(stdout);
    }

    public Optional<String> stderr() {
        return Optional.ofNullable(stderr);
    }

    /** Before/after of what changed or would change; usually one, empty when nothing changes. */
    public List<Diff> diffs() {
        return diffs;
    }

    /** Facts for the host's variables (setup, set_fact), without the {@code ansible_} prefix. */
    public Map<String, Object> facts() {
        return facts;
    }

    /** Module-specific values only (e.g. {@code stat}, {@code container}). */
    public Map<String, Object> extra() {
        return extra;
    }

    /** What {@code register:} captures: changed, failed, msg, rc, stdout(_lines), stderr(_lines), ... */
    public Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changed", changed());
        out.put("failed", failed());
        if (skipped()) {
            out.put("skipped", true);
        }
        if (msg != null) {
            out.put("msg", msg);
        }
        if (rc != null) {
            out.put("rc", rc);
        }
        if (stdout != null) {
            out.put("stdout", stdout);
            out.put("stdout_lines", lines(stdout));
        }
        if (stderr != null) {
            out.put("stderr", stderr);
            out.put("stderr_lines", lines(stderr));
        }
        out.putAll(extra);
        if (!facts.isEmpty()) {
            out.put("ansible_facts", facts);
        }
        if (!diffs.isEmpty()) {
            List<Map<String, Object>> rendered = new ArrayList<>();
            for (Diff diff : diffs) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("before_header", diff.beforeHeader());
                d.put("after_header", diff.afterHeader());
                d.put("before", diff.before());
                d.put("after", diff.after());
                rendered.add(d);
            }
            // Ansible's shape: one diff is a mapping, several are a list
            out.put("diff", rendered.size() == 1 ? rendered.get(0) : rendered);
        }
        return out;
    }

    /** Splits like Python's {@code splitlines()}: no trailing empty element for a final newline. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.copyOf(Arrays.asList(trimmed.split("\r?\n", -1)));
    }

    @Override
    public String toString() {
        return status + (msg == null ? "" : ": " + msg);
    }

    public static final class Builder {
        private ModuleStatus status;
        private String msg;
        private Integer rc;
        private String stdout;
        private String stderr;
        private final List<Diff> diffs = new ArrayList<>();
        private final Map<String, Object> facts = new LinkedHashMap<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder(ModuleStatus status) {
            this.status = status;
        }

        public Builder status(ModuleStatus status) {
            this.status = Objects.requireNonNull(status);
            return this;
        }

        public Builder msg(String msg) {
            this.msg = msg;
            return this;
        }

        public Builder rc(int rc) {
            this.rc = rc;
            return this;
        }

        public Builder stdout(String stdout) {
            this.stdout = stdout;
            return this;
        }

        public Builder stderr(String stderr) {
            this.stderr = stderr;
            return this;
        }

        /** Adds a diff; ignored when null or when before and after are equal. */
        public Builder diff(Diff diff) {
            if (diff != null && !diff.isEmpty()) {
                diffs.add(diff);
            }
            return this;
        }

        public Builder fact(String name, Object value) {
            facts.put(name, value);
            return this;
        }

        public Builder facts(Map<String, ?> values) {
            facts.putAll(values);
            return this;
        }

        public Builder put(String key, Object value) {
            extra.put(key, value);
            return this;
        }

        public ModuleResult build() {
            return new ModuleResult(this);
        }
    }
}

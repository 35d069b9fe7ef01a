package io.rmqfleet.controller.callback;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal output of ansible-playbook's default callback: PLAY/TASK banners, one line per host result,
 * the PLAY RECAP. With {@code -v} ok/changed results show their data too; failures always do.
 */
public final class ConsoleCallback implements RunListener {
    /** Data key marking the result of a whole loop (its items were printed already). */
    public static final String LOOP = "_loop";
    /** Data key naming the host a task was delegated to. */
    public static final String DELEGATED_TO = "_delegated_to";
    private static final java.util.Set<String> HIDDEN = java.util.Set.of("failed", "skipped");

    static final String CENSORED =
            "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private final PrintWriter out;
    private final int verbosity;
    private final boolean showDiff;

    public ConsoleCallback(PrintStream out, int verbosity, boolean showDiff) {
        this(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true), verbosity, showDiff);
    }

    /** Lines are flushed as they are written: the operator watches the run. */
    public ConsoleCallback(PrintWriter out, int verbosity, boolean showDiff) {
        this.out = out;
        this.verbosity = verbosity;
        this.showDiff = showDiff;
    }

    @Override
    public void playStarted(String playName) {
        out.println();
        out.println(Banner.of("PLAY [" + playName + "]"));
    }

    @Override
    public void taskStarted(String taskName, boolean handler) {
        out.println();
        out.println(Banner.of((handler ? "RUNNING HANDLER [" : "TASK [") + taskName + "]"));
    }

    @Override
    public void hostResult(HostTaskResult r) {
        if (r.data().containsKey(LOOP)) {
            // the items were printed one by one; Ansible adds a line only when every item was skipped
            if (r.status() == TaskStatus.SKIPPED) {
                out.println(r.status().label() + ": " + hostPart(r));
            }
            if (r.ignored()) {
                out.println("...ignoring");
            }
            return;
        }
        printResult(r);
    }

    @Override
    public void itemResult(HostTaskResult r) {
        printResult(r);
    }

    @Override
    public void retrying(HostTaskResult attempt, int retriesLeft) {
        String line = "FAILED - RETRYING: [" + attempt.host() + "]: " + attempt.task() + " (" + retriesLeft
                + " retries left).";
        if (verbosity >= 2 && !attempt.noLog()) {
            line += "Result was: " + PythonJson.oneLine(visibleData(attempt, verbosity));
        }
        out.println(line);
    }

    @Override
    public void included(String file, List<String> hosts, String itemLabel) {
        out.println("included: " + file + " for " + String.join(", ", hosts)
                + (itemLabel == null ? "" : " => (item=" + itemLabel + ")"));
    }

    @Override
    public void noHostsMatched() {
        out.println("skipping: no hosts matched");
    }

    private void printResult(HostTaskResult r) {
        if (showDiff && r.diff() != null && !r.diff().isEmpty() && !r.noLog()) {
            out.print(r.diff().endsWith("\n") ? r.diff() : r.diff() + "\n");
        }
        out.println(line(r));
        if (r.ignored()) {
            out.println("...ignoring");
        }
    }

    @Override
    public void playAborted(String reason) {
        out.println();
        out.println("NO MORE HOSTS LEFT " + "*".repeat(61));
        if (reason != null && !reason.isBlank()) {
            out.println(reason);
        }
    }

    @Override
    public void runFinished(Recap recap, Duration elapsed) {
        out.println();
        out.println(Banner.of("PLAY RECAP"));
        recap.byHost().forEach((host, stats) -> out.println(Recap.line(host, stats)));
        out.println();
        if (verbosity > 0) {
            out.printf("elapsed: %.1f s%n", elapsed.toMillis() / 1000.0);
        }
    }

    String line(HostTaskResult r) {
        String host = hostPart(r);
        String item = r.itemLabel() == null ? "" : "(item=" + (r.noLog() ? "None" : r.itemLabel()) + ")";
        Map<String, Object> shown = visibleData(r, verbosity);
        return switch (r.status()) {
            case UNREACHABLE -> "fatal: " + host + ": UNREACHABLE! => " + PythonJson.oneLine(shown);
            case FAILED -> item.isEmpty()
                    ? "fatal: " + host + ": FAILED! => " + PythonJson.oneLine(shown)
                    : "failed: " + host + " " + item + " => " + PythonJson.oneLine(shown);
            // Ansible leaves a space after a skipped item
            case SKIPPED -> r.status().label() + ": " + host + (item.isEmpty() ? "" : " => " + item + " ");
            case OK, CHANGED -> {
                String head = r.status().label() + ": " + host + (item.isEmpty() ? "" : " => " + item);
                if (isDebugOutput(r) && !r.noLog()) {
                    Map<String, Object> message = new LinkedHashMap<>(shown);
                    message.remove("changed");
                    if (!message.isEmpty()) {
                        yield head + " => " + PythonJson.indented(message);
                    }
                }
                yield verbosity > 0 ? head + " => " + PythonJson.oneLine(shown) : head;
            }
        };
    }

    /** {@code [host]}, or {@code [host -> other]} for a delegated task. */
    private static String hostPart(HostTaskResult r) {
        Object delegated = r.data().get(DELEGATED_TO);
        return "[" + r.host() + (delegated == null ? "" : " -> " + delegated) + "]";
    }

    private static boolean isDebugOutput(HostTaskResult r) {
        return Boolean.TRUE.equals(r.data().get("_debug"));
    }

    /**
     * What Ansible's callbacks get (TaskResult.clean_copy): no {@code failed}/{@code skipped} flags, no internal
     * keys, and the diff only at -vvv (it is printed as a unified diff instead).
     */
    private static Map<String, Object> visibleData(HostTaskResult r, int verbosity) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (r.noLog()) {
            shown.put("censored", CENSORED);
            shown.put("changed", r.data().getOrDefault("changed", false));
            return shown;
        }
        r.data().forEach((k, v) -> {
            if (!k.startsWith("_") && !HIDDEN.contains(k) && !(k.equals("diff") && verbosity < 3)) {
                shown.put(k, v);
            }
        });
        return shown;
    }
}

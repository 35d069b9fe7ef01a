package io.rmqfleet.controller.callback;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The terminal output of ansible-playbook's default callback: PLAY/TASK banners, one line per host result,
 * the PLAY RECAP. With {@code -v} ok/changed results show their data too; failures always do.
 */
public final class ConsoleCallback implements RunListener {
    static final String CENSORED =
            "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private final PrintStream out;
    private final int verbosity;
    private final boolean showDiff;

    public ConsoleCallback(PrintStream out, int verbosity, boolean showDiff) {
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
        String host = "[" + r.host() + "]";
        String item = r.itemLabel() == null ? "" : "(item=" + (r.noLog() ? "None" : r.itemLabel()) + ")";
        Map<String, Object> shown = visibleData(r);
        return switch (r.status()) {
            case UNREACHABLE -> "fatal: " + host + ": UNREACHABLE! => " + PythonJson.oneLine(shown);
            case FAILED -> item.isEmpty()
                    ? "fatal: " + host + ": FAILED! => " + PythonJson.oneLine(shown)
                    : "failed: " + host + " " + item + " => " + PythonJson.oneLine(shown);
            case SKIPPED -> r.status().label() + ": " + host + (item.isEmpty() ? "" : " => " + item);
            case OK, CHANGED -> {
                String head = r.status().label() + ": " + host + (item.isEmpty() ? "" : " => " + item);
                if (isDebugOutput(r) && shown.containsKey("msg")) {
                    yield head + " => " + PythonJson.indented(Map.of("msg", shown.get("msg")));
                }
                yield verbosity > 0 ? head + " => " + PythonJson.oneLine(shown) : head;
            }
        };
    }

    private static boolean isDebugOutput(HostTaskResult r) {
        return Boolean.TRUE.equals(r.data().get("_debug"));
    }

    private static Map<String, Object> visibleData(HostTaskResult r) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (r.noLog()) {
            shown.put("censored", CENSORED);
            shown.put("changed", r.data().getOrDefault("changed", false));
            return shown;
        }
        r.data().forEach((k, v) -> {
            if (!k.startsWith("_")) {
                shown.put(k, v);
            }
        });
        return shown;
    }
}

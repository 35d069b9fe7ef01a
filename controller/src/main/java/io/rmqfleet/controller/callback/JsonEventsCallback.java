package io.rmqfleet.controller.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --json FILE}: one JSON object per line for every event of the run (run id, time, host, task, status,
 * changed, duration, diff), so scripts and the controller's run history can follow a run without parsing text.
 * Results of {@code no_log} tasks are censored here too.
 */
public final class JsonEventsCallback implements RunListener, AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BufferedWriter writer;
    private final String runId;
    private final Clock clock;
    private String play = "";
    private String task = "";

    public JsonEventsCallback(Path file, String runId, Clock clock) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.runId = runId;
        this.clock = clock;
    }

    @Override
    public void playStarted(String playName) {
        play = playName;
        write(event("play_start"));
    }

    @Override
    public void taskStarted(String taskName, boolean handler) {
        task = taskName;
        Map<String, Object> e = event("task_start");
        e.put("handler", handler);
        write(e);
    }

    @Override
    public void hostResult(HostTaskResult r) {
        write(resultEvent("host_result", r));
    }

    @Override
    public void itemResult(HostTaskResult r) {
        write(resultEvent("item_result", r));
    }

    @Override
    public void retrying(HostTaskResult attempt, int retriesLeft) {
        Map<String, Object> e = resultEvent("retry", attempt);
        e.put("retries_left", retriesLeft);
        write(e);
    }

    @Override
    public void included(String file, java.util.List<String> hosts, String itemLabel) {
        Map<String, Object> e = event("included");
        e.put("file", file);
        e.put("hosts", hosts);
        if (itemLabel != null) {
            e.put("item", itemLabel);
        }
        write(e);
    }

    @Override
    public void noHostsMatched() {
        write(event("no_hosts_matched"));
    }

    private Map<String, Object> resultEvent(String type, HostTaskResult r) {
        Map<String, Object> e = event(type);
        e.put("host", r.host());
        e.put("status", r.status().name().toLowerCase());
        e.put("changed", r.status() == TaskStatus.CHANGED || Boolean.TRUE.equals(r.data().get("changed")));
        e.put("duration_ms", r.duration().toMillis());
        if (r.itemLabel() != null) {
            e.put("item", r.noLog() ? null : r.itemLabel());
        }
        e.put("ignored", r.ignored());
        e.put("rescued", r.rescued());
        if (r.noLog()) {
            e.put("result", Map.of("censored", ConsoleCallback.CENSORED));
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            r.data().forEach((k, v) -> {
                if (!k.startsWith("_")) {
                    data.put(k, v);
                }
            });
            e.put("result", data);
            if (r.diff() != null) {
                e.put("diff", r.diff());
            }
        }
        Object delegated = r.data().get(ConsoleCallback.DELEGATED_TO);
        if (delegated != null) {
            e.put("delegated_to", delegated);
        }
        return e;
    }

    @Override
    public void playAborted(String reason) {
        Map<String, Object> e = event("play_aborted");
        e.put("reason", reason);
        write(e);
    }

    @Override
    public void runFinished(Recap recap, Duration elapsed) {
        Map<String, Object> e = event("run_end");
        Map<String, Object> hosts = new LinkedHashMap<>();
        recap.byHost().forEach((h, s) -> hosts.put(h, s));
        e.put("recap", hosts);
        e.put("elapsed_ms", elapsed.toMillis());
        e.put("exit_code", recap.exitCode());
        write(e);
        close();
    }

    private Map<String, Object> event(String type) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", type);
        e.put("run_id", runId);
        e.put("time", clock.instant().toString());
        e.put("play", play);
        if (!type.startsWith("play")) {
            e.put("task", task);
        }
        return e;
    }

    private void write(Map<String, Object> event) {
        try {
            writer.write(MAPPER.writeValueAsString(event));
            writer.newLine();
            writer.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --json file", e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

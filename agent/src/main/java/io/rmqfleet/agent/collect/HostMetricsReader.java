package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.DiskUsage;
import io.rmqfleet.common.report.LoadAverage;
import io.rmqfleet.common.report.MemoryUsage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads load and memory from /proc and the free space of the RocketMQ data root. Blocking file I/O: call it
 * off the event loop. /proc/loadavg and /proc/meminfo are not namespaced, so inside the agent's container they
 * show the host's values.
 */
public final class HostMetricsReader implements HostMetricsSource {
    /** /proc files are small; a bound keeps a strange file from filling the heap. */
    private static final int MAX_PROC_BYTES = 64 * 1024;

    private final Path proc;
    private final Path dataRoot;

    public HostMetricsReader(Path proc, Path dataRoot) {
        this.proc = proc;
        this.dataRoot = dataRoot;
    }

    @Override
    public HostMetrics read() {
        List<CollectorError> errors = new ArrayList<>(0);
        LoadAverage load = null;
        MemoryUsage memory = null;
        DiskUsage disk = null;
        try {
            load = ProcParser.loadAverage(readProc("loadavg"));
        } catch (IOException | RuntimeException e) {
            errors.add(new CollectorError(CollectorError.LOAD, proc.resolve("loadavg") + ": " + message(e)));
        }
        try {
            memory = ProcParser.memory(readProc("meminfo"));
        } catch (IOException | RuntimeException e) {
            errors.add(new CollectorError(CollectorError.MEMORY, proc.resolve("meminfo") + ": " + message(e)));
        }
        try {
            disk = disk();
        } catch (IOException | RuntimeException e) {
            errors.add(new CollectorError(CollectorError.DISK, dataRoot + ": " + message(e)));
        }
        return new HostMetrics(disk, load, memory, errors);
    }

    private DiskUsage disk() throws IOException {
        if (!Files.isDirectory(dataRoot)) {
            throw new NoSuchFileException(dataRoot.toString(), null, "no such directory (is it mounted?)");
        }
        FileStore store = Files.getFileStore(dataRoot);
        long total = store.getTotalSpace();
        return new DiskUsage(dataRoot.toString(), Math.min(store.getUsableSpace(), total), total);
    }

    private String readProc(String name) throws IOException {
        try (var in = Files.newInputStream(proc.resolve(name))) {
            return new String(in.readNBytes(MAX_PROC_BYTES), StandardCharsets.US_ASCII);
        }
    }

    private static String message(Exception e) {
        if (e instanceof NoSuchFileException n) {
            return n.getReason() != null ? n.getReason() : "does not exist";
        }
        String text = e.getMessage();
        String result = text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
        return result.length() > 900 ? result.substring(0, 900) : result;
    }
}

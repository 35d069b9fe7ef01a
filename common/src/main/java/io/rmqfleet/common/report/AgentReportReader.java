package io.rmqfleet.common.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns a JSON tree into an {@link AgentReport}, failing on the first value that breaks the format. */
final class AgentReportReader {
    static final int MAX_CONTAINERS = 512;
    static final int MAX_PORTS = 64;
    static final int MAX_ERRORS = 16;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final String HOST_TEXT =
            "a host name (letters, digits, '.', '_', '-'; at most 253 characters)";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
    private static final Pattern IMAGE_REF = Pattern.compile("\\S{1,512}");
    private static final Pattern IMAGE_ID = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern SPEC_HASH = Pattern.compile("\\S{1,256}");
    private static final Pattern PATH = Pattern.compile("/[^\\x00]{0,4095}");
    private static final Pattern SOURCE = Pattern.compile("docker|disk|load|memory|ports");
    private static final Pattern MESSAGE = Pattern.compile("(?s).{1,1024}");

    private static final Set<String> REPORT_FIELDS = Set.of("schema", "host", "agent_version", "agent_started_at",
            "sequence", "observed_at", "sent_at", "containers", "disk", "load", "memory", "ports", "errors");
    private static final Set<String> CONTAINER_FIELDS = Set.of("id", "name", "image", "image_id", "state",
            "restart_count", "started_at", "exit_code", "spec_hash", "health");
    private static final Set<String> DISK_FIELDS = Set.of("path", "free_bytes", "total_bytes");
    private static final Set<String> LOAD_FIELDS = Set.of("avg_1m", "avg_5m", "avg_15m");
    private static final Set<String> MEMORY_FIELDS = Set.of("total_bytes", "available_bytes");
    private static final Set<String> PORT_FIELDS = Set.of("port", "open");
    private static final Set<String> ERROR_FIELDS = Set.of("source", "message");

    private AgentReportReader() {
    }

    static AgentReport read(JsonNode root) {
        JsonObjectReader r = JsonObjectReader.of(root, "$");
        // The schema decides how to read everything else: check it before any other field.
        int schema = (int) r.integer("schema", Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (schema != AgentReport.SCHEMA) {
            throw new InvalidReportException("$.schema",
                    "unsupported schema " + schema + " (supported: " + AgentReport.SCHEMA + ")");
        }
        r.onlyFields(REPORT_FIELDS);
        String host = r.string("host", HOST, HOST_TEXT);
        String version = r.string("agent_version", VERSION, "a version such as 0.1.0");
        Instant started = r.instant("agent_started_at");
        long sequence = r.integer("sequence", 0, Long.MAX_VALUE);
        Instant observed = r.instant("observed_at");
        Instant sent = r.instant("sent_at");
        List<ContainerStatus> containers =
                r.nullableArray("containers", MAX_CONTAINERS, AgentReportReader::container);
        if (containers != null) {
            rejectDuplicateIds(containers, r.child("containers"));
        }
        DiskUsage disk = r.nullableObject("disk", AgentReportReader::disk);
        LoadAverage load = r.nullableObject("load", AgentReportReader::load);
        MemoryUsage memory = r.nullableObject("memory", AgentReportReader::memory);
        List<PortProbe> ports = r.array("ports", MAX_PORTS, AgentReportReader::port);
        rejectDuplicatePorts(ports, r.child("ports"));
        List<CollectorError> errors = r.array("errors", MAX_ERRORS, AgentReportReader::error);
        return new AgentReport(schema, host, version, started, sequence, observed, sent, containers, disk, load,
                memory, ports, errors);
    }

    private static ContainerStatus container(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(CONTAINER_FIELDS);
        String id = r.string("id", CONTAINER_ID, "a container id of 64 lowercase hex digits");
        String name = r.string("name", CONTAINER_NAME, "a Docker container name without the leading slash");
        String image = r.string("image", IMAGE_REF, "an image reference without spaces");
        String imageId = r.string("image_id", IMAGE_ID, "an image id such as sha256:<64 hex digits>");
        ContainerState state = r.choice("state", ContainerState::fromWire, ContainerState.WIRE_VALUES);
        int restarts = (int) r.integer("restart_count", 0, Integer.MAX_VALUE);
        Instant startedAt = r.nullableInstant("started_at");
        int exitCode = (int) r.integer("exit_code", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String specHash = r.nullableString("spec_hash", SPEC_HASH, "a label value without spaces (1-256 chars)");
        Health health = r.choice("health", Health::fromWire, Health.WIRE_VALUES);
        return new ContainerStatus(id, name, image, imageId, state, restarts, startedAt, exitCode, specHash, health);
    }

    private static DiskUsage disk(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(DISK_FIELDS);
        String dir = r.string("path", PATH, "an absolute path");
        long free = r.integer("free_bytes", 0, Long.MAX_VALUE);
        long total = r.integer("total_bytes", 0, Long.MAX_VALUE);
        if (free > total) {
            throw new InvalidReportException(r.child("free_bytes"), "greater than total_bytes (" + total + ")");
        }
        return new DiskUsage(dir, free, total);
    }

    private static LoadAverage load(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(LOAD_FIELDS);
        return new LoadAverage(r.nonNegativeNumber("avg_1m"), r.nonNegativeNumber("avg_5m"),
                r.nonNegativeNumber("avg_15m"));
    }

    private static MemoryUsage memory(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(MEMORY_FIELDS);
        long total = r.integer("total_bytes", 0, Long.MAX_VALUE);
        long available = r.integer("available_bytes", 0, Long.MAX_VALUE);
        if (available > total) {
            throw new InvalidReportException(r.child("available_bytes"),
                    "greater than total_bytes (" + total + ")");
        }
        return new MemoryUsage(total, available);
    }

    private static PortProbe port(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(PORT_FIELDS);
        return new PortProbe((int) r.integer("port", 1, 65535), r.bool("open"));
    }

    private static CollectorError error(JsonNode node, String path) {
        JsonObjectReader r = JsonObjectReader.of(node, path).onlyFields(ERROR_FIELDS);
        return new CollectorError(r.string("source", SOURCE, "one of docker,disk,load,memory,ports"),
                r.string("message", MESSAGE, "a message of 1 to 1024 characters"));
    }

    private static void rejectDuplicateIds(List<ContainerStatus> containers, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            if (!seen.add(containers.get(i).id())) {
                throw new InvalidReportException(path + "[" + i + "].id", "duplicate container id");
            }
        }
    }

    private static void rejectDuplicatePorts(List<PortProbe> ports, String path) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            if (!seen.add(ports.get(i).port())) {
                throw new InvalidReportException(path + "[" + i + "].port", "duplicate port " + ports.get(i).port());
            }
        }
    }
}

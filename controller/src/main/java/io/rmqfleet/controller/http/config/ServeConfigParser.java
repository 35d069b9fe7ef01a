package io.rmqfleet.controller.http.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.state.liveness.LivenessPolicy;
import io.rmqfleet.controller.state.store.RetentionLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code serve} configuration file (YAML). Unknown keys, wrong types and out-of-range values are input
 * errors with {@code file:line:col} (exit 4), so a typo cannot silently fall back to a default.
 */
public final class ServeConfigParser {
    private static final Map<String, Set<String>> SECTIONS = Map.of(
            "", Set.of("listen", "admin_token_file", "agent_tokens_file", "inventory", "database", "drift",
                    "liveness", "retention", "limits", "metrics_public", "persist_interval"),
            "/listen", Set.of("host", "port"),
            "/drift", Set.of("interval", "fix", "playbook", "extra_vars", "fix_cooldown"),
            "/liveness", Set.of("interval", "grace", "failover_grace"),
            "/retention", Set.of("events_max_rows", "events_max_age", "runs_max", "runs_max_age", "drift_checks_max",
                    "prune_interval"),
            "/limits", Set.of("report_body", "run_body"));

    private final LocatedYaml yaml;
    private final Path baseDir;

    private ServeConfigParser(LocatedYaml yaml, Path baseDir) {
        this.yaml = yaml;
        this.baseDir = baseDir;
    }

    /** The configuration with every default, paths relative to {@code baseDir} (serve without --config). */
    public static ServeConfig defaults(Path baseDir) {
        return new ServeConfigParser(LocatedYaml.read(Path.of("(defaults)"), ""), baseDir).build();
    }

    public static ServeConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot read the configuration: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file, text, dir);
    }

    static ServeConfig parse(Path file, String text, Path baseDir) {
        return new ServeConfigParser(LocatedYaml.read(file, text), baseDir).build();
    }

    private ServeConfig build() {
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            throw yaml.error("", "expected a mapping of settings");
        }
        SECTIONS.forEach(this::onlyKnownKeys);
        String host = string("/listen/host", "127.0.0.1");
        int port = (int) integer("/listen/port", 8480, 0, 65535);
        Path adminToken = path("/admin_token_file", ".rmqfleet/serve/admin.token");
        Path agentTokens = path("/agent_tokens_file", null);
        List<String> inventories = inventories();
        Duration drift = duration("/drift/interval", Duration.ofSeconds(60), Duration.ofSeconds(1));
        Duration interval = duration("/liveness/interval", Duration.ofSeconds(5), Duration.ofMillis(100));
        Duration grace = duration("/liveness/grace", Duration.ofSeconds(30), Duration.ZERO);
        Duration failover = duration("/liveness/failover_grace", Duration.ofSeconds(60), Duration.ZERO);
        Path database = path("/database", ".rmqfleet/serve/state");
        RetentionLimits defaults = RetentionLimits.defaults();
        RetentionLimits retention = new RetentionLimits(
                (int) integer("/retention/events_max_rows", defaults.maxEvents(), 1, Integer.MAX_VALUE),
                duration("/retention/events_max_age", defaults.maxEventAge(), Duration.ofMinutes(1)),
                (int) integer("/retention/runs_max", defaults.maxRuns(), 1, Integer.MAX_VALUE),
                duration("/retention/runs_max_age", defaults.maxRunAge(), Duration.ofMinutes(1)),
                (int) integer("/retention/drift_checks_max", defaults.maxDriftChecks(), 1, Integer.MAX_VALUE));
        Duration prune = duration("/retention/prune_interval", Duration.ofMinutes(10), Duration.ofSeconds(1));
        Duration persist = duration("/persist_interval", Duration.ofSeconds(1), Duration.ofMillis(10));
        long reportLimit = size("/limits/report_body", 1024 * 1024, 1024);
        long runLimit = size("/limits/run_body", 32L * 1024 * 1024, 1024);
        boolean metricsPublic = bool("/metrics_public", false);
        return new ServeConfig(host, port, adminToken, agentTokens, inventories, drift,
                new LivenessPolicy(interval, grace, failover), database, retention, prune, persist, reportLimit,
                runLimit, metricsPublic, driftFix());
    }

    /** {@code drift.fix}, {@code drift.playbook}, {@code drift.extra_vars}, {@code drift.fix_cooldown}. */
    private DriftFixPolicy driftFix() {
        boolean fix = bool("/drift/fix", false);
        Path playbook = path("/drift/playbook", null);
        if (fix && playbook == null) {
            throw yaml.error("/drift/fix", "fix: true needs drift.playbook (the playbook to re-apply)");
        }
        List<String> extra = new ArrayList<>();
        JsonNode n = node("/drift/extra_vars");
        if (n != null) {
            if (!n.isArray()) {
                throw yaml.error("/drift/extra_vars", "expected a list of key=value or @FILE");
            }
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                if (!item.isTextual() || item.textValue().isBlank()) {
                    throw yaml.error("/drift/extra_vars/" + i, "expected key=value or @FILE");
                }
                String value = item.textValue().trim();
                extra.add(value.startsWith("@") ? "@" + baseDir.resolve(value.substring(1)).normalize() : value);
            }
        }
        Duration cooldown = duration("/drift/fix_cooldown", DriftFixPolicy.OFF.cooldown(), Duration.ZERO);
        return new DriftFixPolicy(fix, playbook, extra, cooldown);
    }

    private void onlyKnownKeys(String section, Set<String> known) {
        JsonNode node = yaml.root().at(section.isEmpty() ? "" : section);
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw yaml.error(section, "expected a mapping with keys " + sorted(known));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw yaml.error(section + "/" + name + LocatedYaml.KEY, "unknown setting '" + name + "'"
                        + (section.isEmpty() ? "" : " in " + section.substring(1)) + "; known: " + sorted(known));
            }
        }
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    private JsonNode node(String pointer) {
        JsonNode n = yaml.root().at(pointer);
        return n.isMissingNode() || n.isNull() ? null : n;
    }

    private String string(String pointer, String fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isTextual() || n.textValue().isBlank()) {
            throw yaml.error(pointer, "expected a non-empty string");
        }
        return n.textValue().trim();
    }

    private long integer(String pointer, long fallback, long min, long max) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isIntegralNumber()) {
            throw yaml.error(pointer, "expected an integer, got " + n);
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw yaml.error(pointer, "expected an integer from " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    private boolean bool(String pointer, boolean fallback) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw yaml.error(pointer, "expected true or false, got " + n);
        }
        return n.booleanValue();
    }

    private Duration duration(String pointer, Duration fallback, Duration min) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        Duration d = n.isTextual() || n.isIntegralNumber() ? Units.duration(n.asText()) : null;
        if (d == null) {
            throw yaml.error(pointer, "expected a duration such as 500ms, 5s, 2m, 1h or 30d, got " + n);
        }
        if (d.compareTo(min) < 0) {
            throw yaml.error(pointer, "must be at least " + min.toMillis() + "ms, got " + n.asText());
        }
        return d;
    }

    private long size(String pointer, long fallback, long min) {
        JsonNode n = node(pointer);
        if (n == null) {
            return fallback;
        }
        Long s = n.isTextual() || n.isIntegralNumber() ? Units.size(n.asText()) : null;
        if (s == null) {
            throw yaml.error(pointer, "expected a size such as 1048576, 512KiB or 16MiB, got " + n);
        }
        if (s < min) {
            throw yaml.error(pointer, "must be at least " + min + " bytes, got " + n.asText());
        }
        return s;
    }

    private Path path(String pointer, String fallback) {
        String value = string(pointer, fallback);
        return value == null ? null : baseDir.resolve(value).normalize();
    }

    /** {@code inventory: FILE} or a list of sources; files are resolved like other paths. */
    private List<String> inventories() {
        JsonNode n = node("/inventory");
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            out.add(resolveSource(n.textValue()));
            return out;
        }
        if (!n.isArray()) {
            throw yaml.error("/inventory", "expected an inventory path or a list of them");
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode item = n.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw yaml.error("/inventory/" + i, "expected an inventory path");
            }
            out.add(resolveSource(item.textValue()));
        }
        return out;
    }

    private String resolveSource(String source) {
        // A host list such as "h1,h2," stays as it is.
        return source.contains(",") ? source : baseDir.resolve(source.trim()).normalize().toString();
    }
}

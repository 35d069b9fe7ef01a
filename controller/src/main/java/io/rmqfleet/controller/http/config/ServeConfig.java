package io.rmqfleet.controller.http.config;

import io.rmqfleet.controller.state.liveness.LivenessPolicy;
import io.rmqfleet.controller.state.store.RetentionLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything {@code rmqfleet serve} is configured with, read once from {@code --config FILE}
 * ({@link ServeConfigParser}); docs/serve.md documents every key. Paths are absolute (relative ones in the file
 * are resolved against the file's directory).
 *
 * @param adminTokenFile    the admin bearer token (API and dashboard login); created with a random token when
 *                          missing
 * @param agentTokensFile   YAML map host → token for report ingest; null = no agent may report
 * @param inventories       the inventory sources ({@code -i}) the expected fleet is read from
 * @param driftInterval     how often the scheduled drift check runs
 * @param persistInterval   how often changed host state is written to the database
 * @param reportBodyLimit   largest accepted report body (bytes)
 * @param runBodyLimit      largest accepted run events body (bytes)
 * @param metricsPublic     serve /metrics without the admin token (for scrapers without credentials)
 * @param driftFix          remediation: whether and how drifted hosts get their playbook re-applied
 */
public record ServeConfig(String host, int port, Path adminTokenFile, Path agentTokensFile, List<String> inventories,
                          Duration driftInterval, LivenessPolicy liveness, Path database, RetentionLimits retention,
                          Duration pruneInterval, Duration persistInterval, long reportBodyLimit, long runBodyLimit,
                          boolean metricsPublic, DriftFixPolicy driftFix) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8480;

    public ServeConfig {
        inventories = List.copyOf(inventories);
    }

    public ServeConfig withPort(int newPort) {
        return new ServeConfig(host, newPort, adminTokenFile, agentTokensFile, inventories, driftInterval, liveness,
                database, retention, pruneInterval, persistInterval, reportBodyLimit, runBodyLimit, metricsPublic,
                driftFix);
    }

    public ServeConfig withLiveness(LivenessPolicy policy) {
        return new ServeConfig(host, port, adminTokenFile, agentTokensFile, inventories, driftInterval, policy,
                database, retention, pruneInterval, persistInterval, reportBodyLimit, runBodyLimit, metricsPublic,
                driftFix);
    }

    public ServeConfig withRetention(RetentionLimits limits) {
        return new ServeConfig(host, port, adminTokenFile, agentTokensFile, inventories, driftInterval, liveness,
                database, limits, pruneInterval, persistInterval, reportBodyLimit, runBodyLimit, metricsPublic,
                driftFix);
    }

    public ServeConfig withDriftFix(DriftFixPolicy policy) {
        return new ServeConfig(host, port, adminTokenFile, agentTokensFile, inventories, driftInterval, liveness,
                database, retention, pruneInterval, persistInterval, reportBodyLimit, runBodyLimit, metricsPublic,
                policy);
    }

    public ServeConfig withDriftInterval(Duration interval) {
        return new ServeConfig(host, port, adminTokenFile, agentTokensFile, inventories, interval, liveness,
                database, retention, pruneInterval, persistInterval, reportBodyLimit, runBodyLimit, metricsPublic,
                driftFix);
    }

    /** Contains no secret (only file paths), so it may be printed. */
    @Override
    public String toString() {
        return "ServeConfig[listen=" + host + ":" + port + ", adminTokenFile=" + adminTokenFile
                + ", agentTokensFile=" + agentTokensFile + ", inventories=" + inventories + ", driftInterval="
                + driftInterval + ", fix=" + driftFix.fix() + ", liveness=" + liveness + ", database=" + database + ", retention=" + retention
                + "]";
    }
}

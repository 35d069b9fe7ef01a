package io.rmqfleet.controller.state.store;

import io.rmqfleet.controller.state.Json;
import io.rmqfleet.controller.state.runs.ExpectedSpec;
import io.rmqfleet.controller.state.runs.RunRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Run history with every event, and the spec hashes runs gave containers. */
public final class RunStore {
    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a run, replacing one with the same id (posting the same file twice is harmless), and records the
     * spec hashes it gave containers. Returns true when the run was new.
     */
    public boolean save(RunRecord run, List<ExpectedSpec> specs) {
        return db.inTransaction(c -> {
            boolean existed = delete(c, run.id());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (id, received_at, started_at,"
                    + " finished_at, status, exit_code, elapsed_ms, plays, recap, event_count)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, run.id());
                Sql.setInstant(ps, 2, run.receivedAt());
                Sql.setInstant(ps, 3, run.startedAt());
                Sql.setInstant(ps, 4, run.finishedAt());
                ps.setString(5, run.status());
                ps.setObject(6, run.exitCode());
                ps.setObject(7, run.elapsedMs());
                String plays = String.join("\n", run.plays());
                ps.setString(8, plays.length() > 2048 ? plays.substring(0, 2048) : plays);
                ps.setString(9, Json.write(run.recap()));
                ps.setInt(10, run.events().size());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_events (run_id, seq, data) VALUES (?, ?, ?)")) {
                int seq = 0;
                for (Map<String, Object> e : run.events()) {
                    ps.setString(1, run.id());
                    ps.setInt(2, seq++);
                    ps.setString(3, Json.write(e));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO expected_specs (host, container, spec_hash,"
                    + " run_id) KEY (host, container) VALUES (?, ?, ?, ?)")) {
                for (ExpectedSpec s : specs) {
                    ps.setString(1, s.host());
                    ps.setString(2, s.container());
                    ps.setString(3, s.specHash());
                    ps.setString(4, run.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return !existed;
        });
    }

    static boolean delete(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM run_events WHERE run_id = ?")) {
            ps.setString(1, runId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Newest first, without events. */
    public Page<RunRecord> list(int limit, long offset) {
        return db.inTransaction(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM runs");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<RunRecord> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM runs ORDER BY received_at DESC, id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(run(rs, List.of()));
                    }
                }
            }
            return new Page<>(items, total, limit, offset);
        });
    }

    public Optional<RunRecord> get(String id) {
        return db.inTransaction(c -> {
            List<Map<String, Object>> events = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data FROM run_events WHERE run_id = ? ORDER BY seq")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(Json.readMap(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(run(rs, events)) : Optional.empty();
                }
            }
        });
    }

    public List<ExpectedSpec> expectedSpecs() {
        return db.inTransaction(c -> {
            List<ExpectedSpec> specs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT host, container, spec_hash FROM expected_specs ORDER BY host, container");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    specs.add(new ExpectedSpec(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return specs;
        });
    }

    private static RunRecord run(ResultSet rs, List<Map<String, Object>> events) throws SQLException {
        String plays = rs.getString("plays");
        return new RunRecord(rs.getString("id"), Sql.getInstant(rs, "received_at"), Sql.getInstant(rs, "started_at"),
                Sql.getInstant(rs, "finished_at"), rs.getString("status"), Sql.getInteger(rs, "exit_code"),
                Sql.getLong(rs, "elapsed_ms"), plays == null || plays.isEmpty() ? List.of()
                        : Arrays.asList(plays.split("\n")),
                Json.readMap(rs.getString("recap")), events);
    }
}

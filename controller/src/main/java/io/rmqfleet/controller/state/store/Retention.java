package io.rmqfleet.controller.state.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Deletes history beyond the {@link RetentionLimits}, so the database never grows without bound. */
public final class Retention {
    private final Database db;

    /** How many rows one prune deleted. */
    public record Pruned(int events, int runs, int driftChecks) {
        public int total() {
            return events + runs + driftChecks;
        }
    }

    public Retention(Database db) {
        this.db = db;
    }

    public Pruned prune(RetentionLimits limits, Instant now) {
        return db.inTransaction(c -> {
            int events = deleteBeyond(c, "events", "id", limits.maxEvents())
                    + deleteOlder(c, "events", "at", now.minus(limits.maxEventAge()));
            List<String> runs = new ArrayList<>(runsBeyond(c, limits.maxRuns()));
            runs.addAll(runsOlder(c, now.minus(limits.maxRunAge())));
            int deletedRuns = 0;
            for (String id : runs.stream().distinct().toList()) {
                deletedRuns += RunStore.delete(c, id) ? 1 : 0;
            }
            int drift = deleteBeyond(c, "drift_checks", "id", limits.maxDriftChecks());
            return new Pruned(events, deletedRuns, drift);
        });
    }

    private static int deleteBeyond(Connection c, String table, String idColumn, int keep) throws SQLException {
        // The id of the oldest row to keep; everything below it goes.
        try (PreparedStatement ps = c.prepareStatement("SELECT " + idColumn + " FROM " + table + " ORDER BY "
                + idColumn + " DESC LIMIT 1 OFFSET ?")) {
            ps.setInt(1, Math.max(0, keep - 1));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                long oldestKept = rs.getLong(1);
                try (PreparedStatement del = c.prepareStatement(
                        "DELETE FROM " + table + " WHERE " + idColumn + " < ?")) {
                    del.setLong(1, keep == 0 ? Long.MAX_VALUE : oldestKept);
                    return del.executeUpdate();
                }
            }
        }
    }

    private static int deleteOlder(Connection c, String table, String column, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
            Sql.setInstant(ps, 1, cutoff);
            return ps.executeUpdate();
        }
    }

    private static List<String> runsBeyond(Connection c, int keep) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM runs ORDER BY received_at DESC, id OFFSET ? ROWS")) {
            ps.setInt(1, keep);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static List<String> runsOlder(Connection c, Instant cutoff) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE received_at < ?")) {
            Sql.setInstant(ps, 1, cutoff);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}

package io.rmqfleet.controller.state.store;

import io.rmqfleet.controller.state.Json;
import io.rmqfleet.controller.state.drift.DriftFinding;
import io.rmqfleet.controller.state.drift.DriftKind;
import io.rmqfleet.controller.state.drift.DriftReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Drift check results; the newest one is what {@code GET /api/v1/drift} shows. */
public final class DriftStore {
    private final Database db;

    /** A stored check. */
    public record StoredCheck(long id, String trigger, DriftReport report) {
    }

    public DriftStore(Database db) {
        this.db = db;
    }

    public long save(DriftReport report, String trigger) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drift_checks (checked_at, trigger, machines,"
                    + " containers, findings) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                Sql.setInstant(ps, 1, report.checkedAt());
                ps.setString(2, trigger);
                ps.setInt(3, report.machinesChecked());
                ps.setInt(4, report.containersChecked());
                ps.setString(5, Json.write(report.findings().stream().map(DriftStore::toMap).toList()));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    public Optional<StoredCheck> latest() {
        return query("SELECT * FROM drift_checks ORDER BY id DESC LIMIT 1", null);
    }

    public Optional<StoredCheck> get(long id) {
        return query("SELECT * FROM drift_checks WHERE id = ?", id);
    }

    private Optional<StoredCheck> query(String sql, Long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (id != null) {
                    ps.setLong(1, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(check(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredCheck check(ResultSet rs) throws SQLException {
        List<DriftFinding> findings = new ArrayList<>();
        for (Map<String, Object> m : Json.readList(rs.getString("findings"))) {
            findings.add(new DriftFinding((String) m.get("host"), (String) m.get("container"),
                    DriftKind.valueOf(((String) m.get("kind")).toUpperCase(java.util.Locale.ROOT)),
                    (String) m.get("detail")));
        }
        return new StoredCheck(rs.getLong("id"), rs.getString("trigger"), new DriftReport(
                Sql.getInstant(rs, "checked_at"), rs.getInt("machines"), rs.getInt("containers"), findings));
    }

    public static Map<String, Object> toMap(DriftFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", f.host());
        m.put("container", f.container());
        m.put("kind", f.kind().wire());
        m.put("detail", f.detail());
        return m;
    }
}

package io.rmqfleet.controller.state.store;

import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.liveness.Liveness;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Hosts' liveness and newest report, written in batches by the persister and read back at start. */
public final class HostStore {
    private final Database db;

    public HostStore(Database db) {
        this.db = db;
    }

    public void upsert(Collection<HostRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "MERGE INTO hosts (name, liveness, last_heard_at, last_report) KEY (name) VALUES (?, ?, ?, ?)")) {
                for (HostRecord r : records) {
                    ps.setString(1, r.host());
                    ps.setString(2, r.liveness().wire());
                    Sql.setInstant(ps, 3, r.lastHeardAt());
                    ps.setString(4, r.latest() == null ? null : AgentReports.toJson(r.latest()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<HostRecord> loadAll() {
        return db.inTransaction(c -> {
            List<HostRecord> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, liveness, last_heard_at, last_report FROM hosts ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String json = rs.getString("last_report");
                    list.add(new HostRecord(rs.getString("name"), Liveness.fromWire(rs.getString("liveness")),
                            Sql.getInstant(rs, "last_heard_at"), json == null ? null : AgentReports.parse(json)));
                }
            }
            return list;
        });
    }
}

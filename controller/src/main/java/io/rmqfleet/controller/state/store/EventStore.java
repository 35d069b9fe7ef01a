package io.rmqfleet.controller.state.store;

import io.rmqfleet.controller.state.Json;
import io.rmqfleet.controller.state.StateEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The fleet's history: liveness transitions, drift appearing and resolving, runs recorded. */
public final class EventStore {
    private final Database db;

    public EventStore(Database db) {
        this.db = db;
    }

    public void append(List<StateEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events (at, kind, host, summary, data) VALUES (?, ?, ?, ?, ?)")) {
                for (StateEvent e : events) {
                    Sql.setInstant(ps, 1, e.at());
                    ps.setString(2, e.kind());
                    ps.setString(3, e.host());
                    ps.setString(4, e.summary().length() > 2048 ? e.summary().substring(0, 2048) : e.summary());
                    ps.setString(5, Json.write(e.data()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Newest first; {@code host} and {@code kind} filter when not null. */
    public Page<StateEvent> list(String host, String kind, int limit, long offset) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<String> args = new ArrayList<>();
        if (host != null) {
            where.append(" AND host = ?");
            args.add(host);
        }
        if (kind != null) {
            where.append(" AND kind = ?");
            args.add(kind);
        }
        return db.inTransaction(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM events" + where)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<StateEvent> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, kind, host, summary, data FROM events"
                    + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int i = 1;
                for (String a : args) {
                    ps.setString(i++, a);
                }
                ps.setInt(i++, limit);
                ps.setLong(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new StateEvent(rs.getLong("id"), Sql.getInstant(rs, "at"), rs.getString("kind"),
                                rs.getString("host"), rs.getString("summary"), Json.readMap(rs.getString("data"))));
                    }
                }
            }
            return new Page<>(items, total, limit, offset);
        });
    }
}

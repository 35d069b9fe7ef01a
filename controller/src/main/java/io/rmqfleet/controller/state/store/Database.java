package io.rmqfleet.controller.state.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in one file. Every method blocks: call it from the database worker pool, never from
 * an event loop. H2's file lock keeps a second controller from opening the same file.
 */
public final class Database implements AutoCloseable {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS hosts (
          name VARCHAR(253) PRIMARY KEY,
          liveness VARCHAR(16) NOT NULL,
          last_heard_at TIMESTAMP(9) WITH TIME ZONE,
          last_report CHARACTER LARGE OBJECT
        )""",
        """
        CREATE TABLE IF NOT EXISTS events (
          id BIGINT AUTO_INCREMENT PRIMARY KEY,
          at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
          kind VARCHAR(32) NOT NULL,
          host VARCHAR(253),
          summary VARCHAR(2048) NOT NULL,
          data CHARACTER LARGE OBJECT
        )""",
        "CREATE INDEX IF NOT EXISTS events_host ON events(host, id)",
        "CREATE INDEX IF NOT EXISTS events_at ON events(at)",
        """
        CREATE TABLE IF NOT EXISTS runs (
          id VARCHAR(128) PRIMARY KEY,
          received_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
          started_at TIMESTAMP(9) WITH TIME ZONE,
          finished_at TIMESTAMP(9) WITH TIME ZONE,
          status VARCHAR(16) NOT NULL,
          exit_code INT,
          elapsed_ms BIGINT,
          plays VARCHAR(2048),
          recap CHARACTER LARGE OBJECT,
          event_count INT NOT NULL
        )""",
        "CREATE INDEX IF NOT EXISTS runs_received ON runs(received_at)",
        """
        CREATE TABLE IF NOT EXISTS run_events (
          run_id VARCHAR(128) NOT NULL,
          seq INT NOT NULL,
          data CHARACTER LARGE OBJECT NOT NULL,
          PRIMARY KEY (run_id, seq)
        )""",
        """
        CREATE TABLE IF NOT EXISTS expected_specs (
          host VARCHAR(253) NOT NULL,
          container VARCHAR(255) NOT NULL,
          spec_hash VARCHAR(256) NOT NULL,
          run_id VARCHAR(128) NOT NULL,
          PRIMARY KEY (host, container)
        )""",
        """
        CREATE TABLE IF NOT EXISTS drift_checks (
          id BIGINT AUTO_INCREMENT PRIMARY KEY,
          checked_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
          trigger VARCHAR(16) NOT NULL,
          machines INT NOT NULL,
          containers INT NOT NULL,
          findings CHARACTER LARGE OBJECT NOT NULL
        )""",
    };

    private final JdbcConnectionPool pool;

    private Database(String url) {
        this.pool = JdbcConnectionPool.create(url, "rmqfleet", "");
        this.pool.setMaxConnections(4);
    }

    /** Opens (creating if needed) {@code <path>.mv.db}; the parent directory is created. */
    public static Database open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the directory of the database " + path + ": " + e.getMessage(), e);
        }
        // DB_CLOSE_ON_EXIT=FALSE: the controller closes it itself after the last write on shutdown.
        Database db = new Database("jdbc:h2:file:" + path.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        db.migrate();
        return db;
    }

    private void migrate() {
        inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            return null;
        });
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Closes every pooled connection; H2 closes the database with the last one (DB_CLOSE_DELAY=0). */
    @Override
    public void close() {
        pool.dispose();
    }

    /** One unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}

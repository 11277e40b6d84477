package org.reeltrace.fingerprint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The catalog tables (docs/spec/rtfp-v1.md, "Catalog"): portable SQL, SQLite-specific storage where it pays. */
final class CatalogSchema {
    static final String VERSION = "1";

    private CatalogSchema() {
    }

    static void create(Connection c) throws SQLException {
        if (current(c)) {
            return; // an existing catalog: nothing to create, and no write transaction on a read
        }
        String product = c.getMetaData().getDatabaseProductName().toLowerCase();
        boolean sqlite = product.contains("sqlite");
        String blob = product.contains("postgres") ? "BYTEA" : "BLOB";
        String withoutRowid = sqlite ? " WITHOUT ROWID" : "";
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS rt_meta (name VARCHAR(64) PRIMARY KEY, value VARCHAR(255) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS rt_work (pk BIGINT PRIMARY KEY, work_id VARCHAR(255) NOT NULL UNIQUE,"
                        + " title VARCHAR(1024), owner VARCHAR(255), source_path VARCHAR(4096), source_sha256 CHAR(64) NOT NULL,"
                        + " fingerprint_sha256 CHAR(64) NOT NULL, duration DOUBLE PRECISION NOT NULL, added VARCHAR(40) NOT NULL,"
                        + " fingerprint " + blob + " NOT NULL)",
                "CREATE INDEX IF NOT EXISTS rt_work_source ON rt_work (source_sha256)",
                "CREATE TABLE IF NOT EXISTS rt_frame_key (k INTEGER NOT NULL, work_pk BIGINT NOT NULL, frame INTEGER NOT NULL,"
                        + " PRIMARY KEY (k, work_pk, frame))" + withoutRowid,
                "CREATE TABLE IF NOT EXISTS rt_audio_key (k INTEGER NOT NULL, work_pk BIGINT NOT NULL, hop INTEGER NOT NULL,"
                        + " PRIMARY KEY (k, work_pk, hop))" + withoutRowid,
                "CREATE TABLE IF NOT EXISTS rt_copy (work_id VARCHAR(255) NOT NULL, payload BIGINT NOT NULL, recipient VARCHAR(1024) NOT NULL,"
                        + " issued VARCHAR(40) NOT NULL, output_sha256 CHAR(64), output_file VARCHAR(4096), PRIMARY KEY (work_id, payload))");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
            try (var rs = s.executeQuery("SELECT value FROM rt_meta WHERE name = 'schema'")) {
                if (!rs.next()) {
                    s.execute("INSERT INTO rt_meta (name, value) VALUES ('schema', '" + VERSION + "')");
                } else if (!VERSION.equals(rs.getString(1))) {
                    throw new SQLException("catalog schema version " + rs.getString(1) + " is not supported (expected " + VERSION + ")");
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Whether the catalog already has this schema version (false for an empty database). */
    private static boolean current(Connection c) {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT value FROM rt_meta WHERE name = 'schema'")) {
            return rs.next() && VERSION.equals(rs.getString(1));
        } catch (SQLException e) {
            return false; // no rt_meta table yet (on PostgreSQL the failed statement needs no clean-up: auto-commit)
        }
    }
}

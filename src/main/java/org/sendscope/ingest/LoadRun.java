package org.sendscope.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sendscope.warehouse.Warehouse;

/**
 * One load of one source file, as one transaction. It records the file's provenance in
 * {@code load_log}, removes the rows of any earlier load of the same scope (so a re-load replaces
 * rather than duplicates), and lets the loader record refused values in {@code load_reject_log}.
 * Either the body returns and everything lands, or it throws and nothing does.
 *
 * <pre>{@code
 * LoadResult r = LoadRun.run(warehouse, "lait", "lait|2023", file, "2023", run -> {
 *     ... insert rows tagged with run.loadId() ...
 *     return rowsInserted;
 * });
 * }</pre>
 * Loading a file whose checksum matches the scope's current load changes nothing.
 */
public final class LoadRun {

    /** The body of a load: writes rows tagged with {@link #loadId()}, returns how many. */
    @FunctionalInterface
    public interface Body {
        long load(LoadRun run) throws SQLException;
    }

    private final Connection connection;
    private final long loadId;
    private final SourceFile file;
    private final String source;
    private final String vintage;
    private long rejected;

    private LoadRun(Connection connection, long loadId, SourceFile file, String source, String vintage) {
        this.connection = connection;
        this.loadId = loadId;
        this.file = file;
        this.source = source;
        this.vintage = vintage;
    }

    /**
     * Runs one load in one transaction.
     *
     * @param scope what this load replaces when run again, e.g. {@code "dfe-ehcp|2022"}
     */
    public static LoadResult run(Warehouse warehouse, String source, String scope, SourceFile file,
                                 String vintage, Body body) {
        Connection c = warehouse.connection();
        try (LoadSettings settings = LoadSettings.apply(c)) {
            Long same = identicalLoad(c, scope, file.sha256());
            if (same != null) return new LoadResult(same, source, file.name(), vintage, 0, 0, true);
            c.setAutoCommit(false);
            try {
                long id = nextId(c);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO load_log (load_id, source, scope, file_name, "
                        + "sha256, vintage, started_at, status) VALUES (?, ?, ?, ?, ?, ?, now(), 'loading')")) {
                    p.setLong(1, id);
                    p.setString(2, source);
                    p.setString(3, scope);
                    p.setString(4, file.name());
                    p.setString(5, file.sha256());
                    p.setString(6, vintage);
                    p.executeUpdate();
                }
                supersede(c, scope, id);
                LoadRun run = new LoadRun(c, id, file, source, vintage);
                long rows = body.load(run);
                try (PreparedStatement p = c.prepareStatement("UPDATE load_log SET finished_at = now(), rows_loaded = ?, "
                        + "rows_rejected = ?, status = 'loaded' WHERE load_id = ?")) {
                    p.setLong(1, rows);
                    p.setLong(2, run.rejected);
                    p.setLong(3, id);
                    p.executeUpdate();
                }
                c.commit();
                return new LoadResult(id, source, file.name(), vintage, rows, run.rejected, false);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (e instanceof LoadException le) throw le;
                throw new LoadException(file.name(), e.getMessage(), e);
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    private static Long identicalLoad(Connection c, String scope, String sha) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT load_id FROM load_log WHERE scope = ? AND sha256 = ? AND status = 'loaded'")) {
            p.setString(1, scope);
            p.setString(2, sha);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('load_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Removes the rows of earlier loads of this scope and marks those loads superseded. */
    private static void supersede(Connection c, String scope, long newId) throws SQLException {
        // A first load of its scope replaces nothing: skip the DELETE over every data table.
        try (PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM load_log WHERE scope = ? AND status = 'loaded' AND load_id <> ?")) {
            p.setString(1, scope);
            p.setLong(2, newId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == 0) return;
            }
        }
        String earlier = "SELECT load_id FROM load_log WHERE scope = ? AND status = 'loaded'";
        for (String table : dataTables(c)) {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE load_id IN (" + earlier + ")")) {
                p.setString(1, scope);
                p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE load_log SET status = 'superseded', message = "
                + "'replaced by load ' || ? WHERE scope = ? AND status = 'loaded'")) {
            p.setLong(1, newId);
            p.setString(2, scope);
            p.executeUpdate();
        }
    }

    /**
     * Every base table whose rows carry a {@code load_id}, found from the catalogue so that a new
     * feature's tables take part in re-loads without registering anywhere. The audit log itself
     * (load_log, load_reject_log) is kept.
     */
    static List<String> dataTables(Connection c) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE c.column_name = 'load_id' AND t.table_type = 'BASE TABLE' AND c.table_schema = 'main'
                  AND c.table_name NOT IN ('load_log', 'load_reject_log')
                ORDER BY 1""")) {
            while (rs.next()) tables.add(rs.getString(1));
        }
        return tables;
    }

    public long loadId() {
        return loadId;
    }

    public Connection connection() {
        return connection;
    }

    public SourceFile file() {
        return file;
    }

    public String source() {
        return source;
    }

    public String vintage() {
        return vintage;
    }

    /** Records one refused value; the load goes on without it. */
    public void reject(String fileName, Long line, String field, String raw, String reason) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO load_reject_log VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setLong(1, loadId);
            p.setString(2, fileName);
            if (line == null) p.setNull(3, java.sql.Types.BIGINT);
            else p.setLong(3, line);
            p.setString(4, field);
            p.setString(5, raw);
            p.setString(6, reason);
            p.executeUpdate();
        }
        rejected++;
    }

    /** Adds to the count of refused values recorded in bulk by SQL. */
    public void countRejects(long n) {
        rejected += n;
    }

    /** Sets a note on this load (for example, which parts of a release it held). */
    public void message(String text) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE load_log SET message = ? WHERE load_id = ?")) {
            p.setString(1, text);
            p.setLong(2, loadId);
            p.executeUpdate();
        }
    }
}

package org.sendscope.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.breakdown.Breakdowns;

/**
 * Applies {@code sql/schema/NNN_name.sql} once each, in order, and re-creates the public views of
 * {@code sql/views/} (idempotent {@code CREATE OR REPLACE VIEW}) so that they always match this build.
 * A schema file that changed after it was applied is refused: schema changes go in a new file.
 * When the warehouse already has every schema file and the views of exactly this build (by digest),
 * an open does nothing more.
 */
final class SchemaMigrations {
    private final Connection connection;

    SchemaMigrations(Connection connection) {
        this.connection = connection;
    }

    void migrate() throws SQLException {
        // Re-creating the views costs a few tens of milliseconds on every open, which a run of
        // several loads pays each time; when nothing changed there is nothing to do.
        if (isCurrent()) return;
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR PRIMARY KEY, "
                    + "sha256 VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            Map<String, String> applied = applied();
            for (String name : SqlResources.list("schema")) {
                String sql = SqlResources.read("schema", name);
                String sha = sha256(sql);
                String was = applied.get(name);
                if (was == null) {
                    runScript(s, sql, "sql/schema/" + name);
                    try (PreparedStatement p = connection.prepareStatement(
                            "INSERT INTO schema_migrations VALUES (?, ?, now())")) {
                        p.setString(1, name);
                        p.setString(2, sha);
                        p.executeUpdate();
                    }
                } else if (!was.equals(sha)) {
                    throw new WarehouseException("sql/schema/" + name + " changed after it was applied to this "
                            + "warehouse; put schema changes in a new numbered file");
                }
            }
            // the reference tables the views read, from their one source in the build
            Breakdowns.seed(connection);
            for (String name : SqlResources.list("views")) {
                runScript(s, SqlResources.read("views", name), "sql/views/" + name);
            }
            s.execute("CREATE OR REPLACE TABLE schema_views_version AS SELECT '" + viewsDigest() + "' AS sha256");
            connection.commit();
        } catch (Throwable e) {
            // an Error too: switching autocommit back on below would commit half a migration
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /**
     * True when every schema file of this build is applied with the same text and the views were
     * created from exactly this build's view files; anything else (a new or changed file, a fresh
     * warehouse) goes through {@link #migrate()}'s full path, which also refuses a changed schema file.
     */
    boolean isCurrent() throws SQLException {
        String views;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT sha256 FROM schema_views_version")) {
            views = rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            return false; // a fresh warehouse (or one from before the views were versioned)
        }
        if (!viewsDigest().equals(views)) return false;
        Map<String, String> applied = applied();
        for (String name : SqlResources.list("schema")) {
            if (!sha256(SqlResources.read("schema", name)).equals(applied.get(name))) return false;
        }
        return true;
    }

    private Map<String, String> applied() throws SQLException {
        Map<String, String> m = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, sha256 FROM schema_migrations")) {
            while (rs.next()) m.put(rs.getString(1), rs.getString(2));
        }
        return m;
    }

    private static String viewsDigest() {
        StringBuilder all = new StringBuilder();
        List<String> names = SqlResources.list("views");
        for (String n : names) all.append(n).append('\n').append(SqlResources.read("views", n));
        all.append("breakdowns.tsv\n").append(Breakdowns.text());
        return sha256(all.toString());
    }

    private static void runScript(Statement s, String sql, String where) throws SQLException {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(where + ": " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

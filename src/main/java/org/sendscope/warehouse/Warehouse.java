package org.sendscope.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded DuckDB warehouse: one file, created and migrated from {@code sql/schema/} on first
 * use, with the public views of {@code sql/views/} re-created on a read-write open whenever they
 * differ from this build's (docs/decisions/0070-load-speed.md).
 *
 * <p>Open it read-write for loading ({@link #open(Path)}) or read-only for questions
 * ({@link #openReadOnly(Path)}): the read-only connection also has external access switched off,
 * so a query cannot read, write or attach files.
 */
public final class Warehouse implements AutoCloseable {

    /** The environment variable that names another warehouse file. */
    public static final String ENV = "SENDSCOPE_WAREHOUSE";
    /** The default warehouse file, relative to the working directory. */
    public static final Path DEFAULT_FILE = Path.of("warehouse", "sendscope.duckdb");

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;

    private Warehouse(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The warehouse file to use: the explicit one, else {@code $SENDSCOPE_WAREHOUSE}, else the default. */
    public static Path resolve(Path explicit) {
        if (explicit != null) return explicit;
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return DEFAULT_FILE;
    }

    /** Opens (creating and migrating if needed) the warehouse for loading. */
    public static Warehouse open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            Warehouse w = new Warehouse(file, c, false);
            new SchemaMigrations(c).migrate();
            failInterruptedLoads(c);
            return w;
        } catch (SQLException | IOException e) {
            throw new WarehouseException("cannot open warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing warehouse read-only, with no access to files or extensions.
     *
     * @throws WarehouseException when the file does not exist yet
     */
    public static Warehouse openReadOnly(Path file) {
        if (!Files.exists(file)) {
            throw new WarehouseException("no warehouse at " + file
                    + " (load something first: 'sendscope demo' or 'sendscope load …')");
        }
        try {
            // A read-write open first brings an older file up to date with the views this build knows.
            if (needsMigration(file)) open(file).close();
            Properties p = new Properties();
            p.setProperty("duckdb.read_only", "true");
            p.setProperty("enable_external_access", "false");
            p.setProperty("autoinstall_known_extensions", "false");
            p.setProperty("autoload_known_extensions", "false");
            p.setProperty("lock_configuration", "true");
            Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
            return new Warehouse(file, c, true);
        } catch (SQLException e) {
            throw new WarehouseException("cannot open warehouse " + file + " read-only: " + e.getMessage(), e);
        }
    }

    /** An in-memory warehouse, migrated, for tests and benchmarks. */
    public static Warehouse inMemory() {
        try {
            Connection c = DriverManager.getConnection("jdbc:duckdb:");
            new SchemaMigrations(c).migrate();
            return new Warehouse(null, c, false);
        } catch (SQLException e) {
            throw new WarehouseException("cannot open an in-memory warehouse: " + e.getMessage(), e);
        }
    }

    /**
     * Marks as failed any load still 'loading', and removes whatever rows it left: only one
     * read-write connection holds the file, so such a load belongs to a process that died mid-load
     * (or to an older build that could commit half a load). Nothing of it may stay in force.
     */
    private static void failInterruptedLoads(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM load_log WHERE status = 'loading'")) {
                rs.next();
                if (rs.getLong(1) == 0) return;
            }
            c.setAutoCommit(false);
            boolean ended = false;
            try {
                String ids = "SELECT load_id FROM load_log WHERE status = 'loading'";
                for (String table : DataTables.names(c)) s.executeUpdate("DELETE FROM " + table + " WHERE load_id IN (" + ids + ")");
                s.executeUpdate("UPDATE load_log SET status = 'failed', message = coalesce(message || '; ', '') "
                        + "|| 'interrupted: still loading when the warehouse was next opened; its rows were removed' "
                        + "WHERE status = 'loading'");
                c.commit();
                ended = true;
            } finally {
                if (!ended) c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean needsMigration(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p)) {
            return !new SchemaMigrations(c).isCurrent();
        }
    }

    public Connection connection() {
        return connection;
    }

    public Path file() {
        return file;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Runs a statement that returns a single number (a count, a sum). */
    public long count(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage() + " in: " + sql, e);
        }
    }

    /** Runs statements that return nothing. */
    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new WarehouseException(e.getMessage() + " in: " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new WarehouseException("closing warehouse: " + e.getMessage(), e);
        }
    }
}

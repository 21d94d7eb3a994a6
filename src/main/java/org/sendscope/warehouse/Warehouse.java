package org.sendscope.warehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * The embedded DuckDB warehouse: one file, created and migrated from {@code sql/schema/} on first
 * use, with the public views of {@code sql/views/} re-created on a read-write open whenever they
 * differ from this build's (docs/decisions/0070-load-speed.md).
 *
 * <p>Open it read-write for loading ({@link #open(Path)}) or read-only for questions
 * ({@link #openReadOnly(Path)}): the read-only connection also has external access switched off,
 * so a query cannot read, write or attach files, and a memory limit ({@link QueryLimits}).
 *
 * <p>Readers are never turned away by a load (docs/decisions/0095-readers-during-loads.md): a
 * read-write open takes the writer lock ({@link WriterLock}), works on a copy of the file
 * ({@code <file>.loading-<pid>}) and, on {@link #close()}, checkpoints the copy and renames it over
 * the file in one step. A reader opens whichever file is there and keeps it until it closes, so it
 * sees the warehouse before a load or after it, never part of one.
 */
public final class Warehouse implements AutoCloseable {

    /** The environment variable that names another warehouse file. */
    public static final String ENV = "SENDSCOPE_WAREHOUSE";
    /** The default warehouse file, relative to the project folder (else the working directory). */
    public static final Path DEFAULT_FILE = Path.of("warehouse", "sendscope.duckdb");

    private static final String COPY_INFIX = ".loading-";

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    // For a read-write open of a file: the copy being changed and the lock that makes it the only one.
    private final Path workingCopy;
    private final WriterLock lock;
    private boolean closed;
    // Rows written by hand through execute() (tests' fixtures, a maintainer's fix) and not yet in the marts.
    private boolean martsStale;

    private Warehouse(Path file, Connection connection, boolean readOnly, Path workingCopy, WriterLock lock) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.workingCopy = workingCopy;
        this.lock = lock;
    }

    /** Run each time a read-write open's copy has replaced the file; nothing unless a layer above sets it. */
    private static volatile Runnable afterReplace = () -> { };

    /**
     * Sets what runs each time a closed read-write open's copy has replaced the file (the load
     * points of ingest, where tests stop a real load). The warehouse knows nothing of the layers
     * above it; they hook in here.
     *
     * @return the hook it replaces, to put back
     */
    public static Runnable afterReplace(Runnable hook) {
        Runnable was = afterReplace;
        afterReplace = java.util.Objects.requireNonNull(hook);
        return was;
    }

    /** The property the launcher and the kernelspec set to the project folder. */
    public static final String HOME_PROPERTY = "sendscope.home";

    /**
     * The warehouse file to use, the one rule the commands and the kernel share: the explicit one,
     * else {@code $SENDSCOPE_WAREHOUSE}, else {@code warehouse/sendscope.duckdb} in the project
     * folder ({@code -Dsendscope.home}, which the launcher and the kernelspec set), else in the
     * working directory. So {@code ./sendscope load …} run from another folder loads the project's
     * warehouse, the one the notebooks read.
     */
    public static Path resolve(Path explicit) {
        return resolve(explicit, System.getenv(ENV), System.getProperty(HOME_PROPERTY));
    }

    /** {@link #resolve(Path)} with the environment variable and project folder given (for tests). */
    public static Path resolve(Path explicit, String env, String home) {
        if (explicit != null) return explicit;
        if (env != null && !env.isBlank()) return Path.of(env);
        if (home != null && !home.isBlank()) return Path.of(home).resolve(DEFAULT_FILE).toAbsolutePath().normalize();
        return DEFAULT_FILE;
    }

    /**
     * Opens (creating and migrating if needed) the warehouse for loading.
     *
     * @throws WarehouseInUseException at once when another process is changing it
     */
    public static Warehouse open(Path file) {
        return open(file, Duration.ZERO);
    }

    /**
     * Opens the warehouse for loading, waiting up to {@code wait} for another writer to finish.
     * What this open changes becomes visible to readers when it is closed.
     *
     * @throws WarehouseInUseException when another process is still changing it after {@code wait}
     */
    public static Warehouse open(Path file, Duration wait) {
        return openForWriting(file, wait, false);
    }

    /**
     * Opens a new, empty warehouse that replaces {@code file} when it is closed (the demo's
     * {@code --fresh}); until then readers keep the old one.
     */
    public static Warehouse openEmpty(Path file, Duration wait) {
        return openForWriting(file, wait, true);
    }

    private static Warehouse openForWriting(Path file, Duration wait, boolean empty) {
        Path target = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new WarehouseException("cannot open warehouse " + file + ": " + e.getMessage(), e);
        }
        WriterLock lock = WriterLock.acquire(target, wait);
        Path copy = target.resolveSibling(target.getFileName() + COPY_INFIX + ProcessHandle.current().pid());
        Connection c = null;
        try {
            sweepCopies(target);
            if (Files.exists(target)) refuseIfOpenedElsewhere(target, file);
            if (!empty && Files.exists(target)) {
                foldWal(target);
                Files.copy(target, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            c = DriverManager.getConnection("jdbc:duckdb:" + copy, uncached());
            new SchemaMigrations(c).migrate();
            failInterruptedLoads(c);
            return new Warehouse(file, c, false, copy, lock);
        } catch (SQLException | IOException | RuntimeException | Error e) {
            closeQuietly(c);
            deleteCopy(copy);
            lock.close();
            if (e instanceof WarehouseException we) throw we;
            if (e instanceof Error err) throw err;
            WarehouseInUseException busy = e instanceof SQLException se ? WarehouseInUseException.fromDuckDb(file, se) : null;
            if (busy != null) throw busy;
            throw new WarehouseException("cannot open warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing warehouse read-only, with no access to files or extensions. It reads the
     * file as it is when opened, whether or not a load is running.
     *
     * @throws WarehouseException when the file does not exist yet
     */
    public static Warehouse openReadOnly(Path file) {
        return openReadOnly(file, false);
    }

    /**
     * Opens an existing warehouse read-only as {@link #openReadOnly(Path)}; with {@code streamResults}
     * a query's rows reach Java as DuckDB makes them (the SQL console), so only one result may be
     * open at a time on the connection.
     */
    public static Warehouse openReadOnly(Path file, boolean streamResults) {
        return openReadOnly(file, QueryLimits.readOnlyConnection(streamResults));
    }

    /**
     * Opens an existing warehouse read-only for {@code export}: DuckDB refuses any change to the
     * file, but may write the files a {@code COPY … TO} names (which the console's read-only
     * connection may not). Nothing is copied or locked, so an export runs beside a load.
     */
    public static Warehouse openForExport(Path file) {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        p.setProperty("autoinstall_known_extensions", "false");
        return openReadOnly(file, p);
    }

    private static Warehouse openReadOnly(Path file, Properties settings) {
        if (!Files.exists(file)) {
            throw new WarehouseException("no warehouse at " + file
                    + " (load something first: 'sendscope demo' or 'sendscope load …')");
        }
        try {
            Connection c = connectReadOnly(file, settings);
            boolean current;
            try {
                current = new SchemaMigrations(c).isCurrent();
            } catch (SQLException | RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            if (!current) {
                // A read-write open first brings an older file up to date with the views this build knows;
                // while another command is writing, that command does it, and the reader takes the file as it is.
                c.close();
                try {
                    open(file).close();
                } catch (WarehouseInUseException busy) {
                    // a writer is at work: it migrates the file when it finishes
                }
                c = connectReadOnly(file, settings);
            }
            return new Warehouse(file, c, true, null, null);
        } catch (SQLException e) {
            WarehouseInUseException busy = WarehouseInUseException.fromDuckDb(file, e);
            if (busy != null) throw busy;
            throw new WarehouseException("cannot open warehouse " + file + " read-only: " + e.getMessage(), e);
        }
    }

    private static Connection connectReadOnly(Path file, Properties settings) throws SQLException {
        Properties p = uncached();
        p.putAll(settings);
        // A load may rename its copy over the file while DuckDB is opening it; an open that fails
        // while the file was being replaced is tried again on the new file (a reader is never turned away).
        for (int attempt = 1; ; attempt++) {
            Object before = fileKey(file);
            try {
                return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), p);
            } catch (SQLException e) {
                if (attempt >= 3 || java.util.Objects.equals(before, fileKey(file))) throw e;
            }
        }
    }

    /** The identity of the file now at {@code file} (its inode), or null when it cannot be read. */
    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** An in-memory warehouse, migrated, for tests and benchmarks. */
    public static Warehouse inMemory() {
        try {
            Properties p = new Properties();
            p.setProperty("disabled_optimizers", NO_JOIN_FILTER_PUSHDOWN);
            Connection c = DriverManager.getConnection("jdbc:duckdb:", p);
            new SchemaMigrations(c).migrate();
            return new Warehouse(null, c, false, null, null);
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
                long removed = 0;
                for (String table : DataTables.names(c)) removed += s.executeUpdate("DELETE FROM " + table + " WHERE load_id IN (" + ids + ")");
                s.executeUpdate("UPDATE load_log SET status = 'failed', message = coalesce(message || '; ', '') "
                        + "|| 'interrupted: still loading when the warehouse was next opened; its rows were removed' "
                        + "WHERE status = 'loading'");
                // A load of this build that died left no rows (its transaction never committed), so the marts
                // are as its last committed load left them; only an older build's half-committed rows need them recomputed.
                if (removed > 0) Marts.refresh(c);
                c.commit();
                ended = true;
            } finally {
                if (!ended) c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Each open gets its own DuckDB instance: the driver's process-wide cache would hand a reader the
     * instance of a file that a load has since replaced. And no join filter pushdown: DuckDB 2.0.0.1's
     * join Bloom filters, on two threads, corrupted memory and crashed the JVM
     * (docs/decisions/0152-the-marts-crash.md).
     */
    private static Properties uncached() {
        Properties p = new Properties();
        p.setProperty("jdbc_instance_cache", "false");
        p.setProperty("disabled_optimizers", NO_JOIN_FILTER_PUSHDOWN);
        return p;
    }

    /** DuckDB's optimizer that pushes a hash join's Bloom filter into its probe side's scan; off on every open (0152). */
    public static final String NO_JOIN_FILTER_PUSHDOWN = "join_filter_pushdown";

    /**
     * Another program with the file itself open read-write (a DuckDB shell, an older sendscope build)
     * could change it after it was copied, and the rename would lose those changes: refuse, naming it.
     * DuckDB holds an exclusive operating-system lock on a file it has open read-write, so a shared
     * lock that cannot be had says so without opening the database.
     */
    private static void refuseIfOpenedElsewhere(Path target, Path asGiven) throws IOException, SQLException {
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ)) {
            java.nio.channels.FileLock probe = ch.tryLock(0, Long.MAX_VALUE, true);
            if (probe != null) {
                probe.release();
                return;
            }
        }
        // Opening it read-only makes DuckDB name the process holding it.
        Properties p = uncached();
        p.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + target, p)) {
            return; // released in the meantime
        } catch (SQLException e) {
            WarehouseInUseException busy = WarehouseInUseException.fromDuckDb(asGiven, e);
            if (busy != null) throw busy;
            throw e;
        }
    }

    /**
     * A write-ahead log beside the file (left by a build before this design or another program) holds
     * changes the file alone lacks: a read-write open of the file itself writes them into it first.
     */
    private static void foldWal(Path target) throws SQLException {
        if (!Files.exists(wal(target))) return;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + target, uncached());
             Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        }
    }

    /**
     * Removes copies left by a writer that was killed, with their log and DuckDB's spill folder
     * ({@code .tmp}): only the lock holder can be writing one.
     */
    private static void sweepCopies(Path target) throws IOException {
        String prefix = target.getFileName() + COPY_INFIX;
        try (var siblings = Files.list(target.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (var inside = Files.list(p)) {
                for (Path q : inside.toList()) deleteTree(q);
            }
        }
        Files.deleteIfExists(p);
    }

    private static Path wal(Path f) {
        return f.resolveSibling(f.getFileName() + ".wal");
    }

    private static void deleteCopy(Path copy) {
        try {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(wal(copy));
            deleteTree(copy.resolveSibling(copy.getFileName() + ".tmp"));
        } catch (IOException ignored) {
            // swept by the next writer
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the original error is the one to report
        }
    }

    /**
     * The connection. Rows changed through {@link #execute} since the marts were last computed are
     * brought into them first, so the analysis views never lag a hand-written row (loads refresh the
     * marts themselves, inside their transaction).
     */
    public Connection connection() {
        if (martsStale) {
            martsStale = false;
            try {
                Marts.refresh(connection);
            } catch (SQLException e) {
                throw new WarehouseException("refreshing the marts: " + e.getMessage(), e);
            }
        }
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
        try (Statement s = connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw WarehouseException.internal(e.getMessage() + " in: " + sql, e);
        }
    }

    /** Runs statements that return nothing. */
    public void execute(String sql) {
        try (Statement s = connection().createStatement()) {
            s.execute(sql);
            if (!readOnly && changesRows(sql)) martsStale = true;
        } catch (SQLException e) {
            throw WarehouseException.internal(e.getMessage() + " in: " + sql, e);
        }
    }

    private static boolean changesRows(String sql) {
        String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE");
    }

    /**
     * Closes the connection. After a read-write open of a file, the changed copy is checkpointed and
     * renamed over the file, so readers that open after this see every committed load at once; an
     * unfinished transaction is rolled back, never committed by closing.
     */
    @Override
    public void close() {
        if (closed) return;
        if (martsStale && !readOnly) connection();
        closed = true;
        if (workingCopy == null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new WarehouseException("closing warehouse: " + e.getMessage(), e);
            }
            return;
        }
        try {
            if (!connection.getAutoCommit()) connection.rollback();
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT");
            }
            connection.close();
            if (Files.exists(wal(workingCopy))) {
                throw new WarehouseException("the copy " + workingCopy + " kept a write-ahead log after its checkpoint; "
                        + "the warehouse " + file + " was left as it was");
            }
            replace(workingCopy, file.toAbsolutePath().normalize());
            afterReplace.run();
        } catch (SQLException | IOException e) {
            closeQuietly(connection);
            throw new WarehouseException("closing warehouse " + file + " (it was left as it was): " + e.getMessage(), e);
        } finally {
            deleteCopy(workingCopy);
            lock.close();
        }
    }

    /** Makes the copy durable, then puts it in place of the file in one rename. */
    private static void replace(Path copy, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the rename itself is already atomic
        }
    }
}

package org.sendscope.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sendscope.report.Messages;
import org.sendscope.warehouse.DataTables;
import org.sendscope.warehouse.Marts;
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
 * Loading a file whose checksum matches a current load of the same loader changes nothing, whatever
 * the file is called. A load that would supersede an earlier one and lose a file, a measure, an
 * area or more than a small share of its rows is refused unless replacing ({@code --replace}). Any
 * failure, an {@link Error} included, rolls back; refused and failed loads are then recorded in
 * {@code load_log} (status {@code refused} or {@code failed}) and nothing else is kept
 * (docs/decisions/0080-loads-that-cannot-half-commit.md).
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
     * @throws LoadException when the input is refused; the warehouse is as it was, and the refusal
     *                       is recorded in {@code load_log} (status {@code refused})
     */
    public static LoadResult run(Warehouse warehouse, String source, String scope, SourceFile file,
                                 String vintage, Body body) {
        return run(warehouse, source, scope, file, vintage, false, body);
    }

    /**
     * Runs one load in one transaction, allowed (when {@code replace}) to supersede an earlier load
     * of the same scope even when that removes data: the command line's {@code --replace}, as the
     * {@link Loader} was given it.
     */
    public static LoadResult run(Warehouse warehouse, String source, String scope, SourceFile file,
                                 String vintage, boolean replace, Body body) {
        Connection c = warehouse.connection();
        try (LoadSettings settings = LoadSettings.apply(c)) {
            LoadResult same = identicalLoad(c, source, scope, file, vintage, replace);
            if (same != null) return same;
            return inOneTransaction(c, source, scope, file, vintage, replace, body);
        } catch (SQLException e) {
            throw new LoadException(file.name(), "warehouse error: " + e.getMessage(), e);
        }
    }

    private static LoadResult inOneTransaction(Connection c, String source, String scope, SourceFile file,
                                               String vintage, boolean replace, Body body) throws SQLException {
        c.setAutoCommit(false);
        // Until the transaction has ended (committed or rolled back) autocommit must stay off:
        // switching it back on commits whatever is open, a half-done load included.
        boolean ended = false;
        boolean committed = false;
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
            try (PreparedStatement p = c.prepareStatement("INSERT INTO load_release_log SELECT ?, release_date_of(?)")) {
                p.setLong(1, id);
                p.setString(2, vintage);
                p.executeUpdate();
            }
            LoadPoints.reached("started");
            Marts.Areas areasBefore = Marts.areas(c);
            LoadRun run = new LoadRun(c, id, file, source, vintage);
            long rows = body.load(run);
            LoadPoints.reached("written");
            boolean replaced = supersede(c, source, scope, id, file, replace);
            LoadPoints.reached("superseded");
            // The comparisons follow the figures in the same transaction: a reader never sees new
            // figures beside old benchmarks (docs/decisions/0125).
            Marts.refreshAfter(c, id, replaced, areasBefore);
            LoadPoints.reached("marts");
            try (PreparedStatement p = c.prepareStatement("UPDATE load_log SET finished_at = now(), rows_loaded = ?, "
                    + "rows_rejected = ?, status = 'loaded' WHERE load_id = ?")) {
                p.setLong(1, rows);
                p.setLong(2, run.rejected);
                p.setLong(3, id);
                p.executeUpdate();
            }
            LoadPoints.reached("committing");
            c.commit();
            ended = committed = true;
            LoadPoints.reached("committed");
            return new LoadResult(id, source, file.name(), vintage, rows, run.rejected, false);
        } catch (Throwable t) {
            if (committed) throw t;
            try {
                c.rollback();
                ended = true;
            } catch (Throwable r) {
                t.addSuppressed(r);
            }
            if (ended) {
                c.setAutoCommit(true);
                record(c, source, scope, file, vintage, t);
            }
            if (t instanceof LoadException || t instanceof Error) throw t;
            throw new LoadException(file.name(), t.getMessage(), t);
        } finally {
            if (ended) c.setAutoCommit(true);
        }
    }

    /**
     * Records a refusal that came before the load's transaction could begin (an unreadable archive,
     * not the kind of file expected), so that {@code status} lists it beside the others; returns
     * it to be thrown. Scope and vintage are not known yet.
     */
    public static LoadException refused(Warehouse warehouse, String source, SourceFile file, LoadException e) {
        record(warehouse.connection(), source, source, file, "unknown", e);
        return e;
    }

    /**
     * Records a load that did not land — {@code refused} (the input's fault) or {@code failed}
     * (anything else) — after its rollback, so that {@code status} can list it. Only the audit
     * log is written; a failure to write it is added to the original error, never thrown instead.
     */
    private static void record(Connection c, String source, String scope, SourceFile file, String vintage, Throwable t) {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO load_log (load_id, source, scope, file_name, sha256, "
                + "vintage, started_at, status, message) VALUES (nextval('load_id_seq'), ?, ?, ?, ?, ?, now(), ?, ?)")) {
            p.setString(1, source);
            p.setString(2, scope);
            p.setString(3, file.name());
            p.setString(4, file.sha256());
            p.setString(5, vintage);
            p.setString(6, t instanceof LoadException ? "refused" : "failed");
            String m = t.getMessage() == null ? t.toString() : t instanceof LoadException ? t.getMessage() : t + "";
            p.setString(7, Messages.firstLine(m, ""));
            p.executeUpdate();
        } catch (Throwable e) {
            t.addSuppressed(e);
        }
    }

    /**
     * The earlier load these bytes already are: the same checksum from the same loader is the same
     * load, whatever the file is called. Under another scope (another vintage, area or snapshot
     * given on the command line) it is refused unless replacing, when it moves to the new scope: one
     * file is never counted twice.
     */
    private static LoadResult identicalLoad(Connection c, String source, String scope, SourceFile file, String vintage,
                                            boolean replace) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT load_id, scope, file_name, vintage FROM load_log "
                + "WHERE source = ? AND sha256 = ? AND status = 'loaded' ORDER BY scope = ? DESC, load_id DESC LIMIT 1")) {
            p.setString(1, source);
            p.setString(2, file.sha256());
            p.setString(3, scope);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return null;
                if (rs.getString(2).equals(scope)) {
                    return new LoadResult(rs.getLong(1), source, file.name(), vintage, 0, 0, true);
                }
                if (replace) return null;
                LoadException e = new LoadException(file.name(), "the same bytes are already loaded as load " + rs.getLong(1)
                        + " (" + rs.getString(3) + ", vintage " + rs.getString(4) + ", scope " + rs.getString(2)
                        + "); loading them again as " + scope + " would count them twice; pass --replace to move them to " + scope);
                record(c, source, scope, file, vintage, e);
                throw e;
            }
        }
    }

    private static long nextId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('load_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Removes the rows of earlier loads of this scope and marks those loads superseded, after
     * checking that the new load keeps what they held (unless replacing); true when there were any.
     */
    private static boolean supersede(Connection c, String source, String scope, long newId, SourceFile file,
                                     boolean replace) throws SQLException {
        // A first load of its scope replaces nothing: skip the comparison and the DELETE over every data table.
        Map<Long, String> earlier = DataLoss.earlierLoads(c, source, scope, file.sha256(), newId);
        if (earlier.isEmpty()) return false;
        List<String> tables = dataTables(c);
        if (!replace) {
            List<String> lost = DataLoss.find(c, List.copyOf(earlier.keySet()), newId, tables);
            if (!lost.isEmpty()) {
                Map.Entry<Long, String> e = earlier.entrySet().iterator().next();
                throw new LoadException(file.name(), "refused: loading it would replace load " + e.getKey() + " (" + e.getValue()
                        + ") and lose " + String.join("; ", lost) + "; pass --replace to replace it anyway");
            }
        }
        String ids = earlier.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        for (String table : tables) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM " + table + " WHERE load_id IN (" + ids + ")");
            }
        }
        try (PreparedStatement p = c.prepareStatement("UPDATE load_log SET status = 'superseded', message = "
                + "coalesce(message || '; ', '') || 'replaced by load ' || ? WHERE load_id IN (" + ids + ")")) {
            p.setLong(1, newId);
            p.executeUpdate();
        }
        return true;
    }

    /** Every base table whose rows belong to a load (see {@link DataTables}). */
    static List<String> dataTables(Connection c) throws SQLException {
        return DataTables.names(c);
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

    /**
     * Records that this load held {@code part} (a file of a release) giving {@code rows} values, so
     * that a later load of the scope that lacks it, or gives far fewer, is refused.
     */
    public void part(String part, long rows) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO load_part_log VALUES (?, ?, ?)")) {
            p.setLong(1, loadId);
            p.setString(2, part);
            p.setLong(3, rows);
            p.executeUpdate();
        }
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

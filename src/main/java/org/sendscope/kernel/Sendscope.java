package org.sendscope.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sendscope.warehouse.QueryLimits;
import org.sendscope.warehouse.ReadOnlyQuery;
import org.sendscope.warehouse.TimedQuery;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;
import tech.tablesaw.api.Table;

/**
 * The notebook's way into the warehouse, so that a cell reads like the question:
 * <pre>{@code
 * var bcp = Sendscope.open();
 * var plans = bcp.sql("SELECT period_label, value FROM observations WHERE ...");
 * bcp.lineChart(plans, "period_label", "value", "area_name").title("EHC plans")
 * }</pre>
 *
 * <p>The warehouse is opened read-only (as for the SQL console), so a notebook can never change
 * what it reports on. One connection per warehouse file is kept for the life of the kernel and
 * shared with {@code %%sql} cells; re-running {@code Sendscope.open()} in a cell is cheap. A load
 * never waits for the kernel: it replaces the file when it finishes, and the next query here sees
 * that and re-opens the new file (docs/decisions/0095-readers-during-loads.md), so a cell sees the
 * warehouse before a load or after it.
 */
public final class Sendscope {
    /** Said whenever there is nothing to show, so the reader knows the next step. */
    static final String HOW_TO_LOAD = "run `./sendscope demo`, or load a release with "
            + "`./sendscope load dfe-ehcp <education-health-and-care-plans_YYYY.zip>`, then run the notebook again";

    private static final Map<Path, Sendscope> OPEN = new ConcurrentHashMap<>();
    /** Statements running now, for {@link #cancelRunning()}: read without the facade's lock, which the query holds. */
    private static final Set<TimedQuery> RUNNING = ConcurrentHashMap.newKeySet();

    private final Path file;
    private Warehouse warehouse;
    // The identity (device and inode) of the file this connection reads; a load replaces the file.
    private Object fileKey;
    private volatile long timeoutSeconds = QueryLimits.DEFAULT_TIMEOUT_SECONDS;

    private Sendscope(Path file) {
        this.file = file;
        this.fileKey = fileKey(file);
        this.warehouse = withFunctions(Warehouse.openReadOnly(file));
    }

    /** The notebook's SQL functions ({@link NotebookFunctions}) on a connection just opened. */
    private static Warehouse withFunctions(Warehouse w) {
        try {
            NotebookFunctions.register(w.connection());
        } catch (SQLException e) {
            w.close();
            throw new WarehouseException("cannot register the notebook's SQL functions: " + TimedQuery.firstLine(e.getMessage()), e);
        }
        return w;
    }

    /**
     * The default warehouse, read-only, by the rule the commands use ({@link Warehouse#resolve}):
     * {@code $SENDSCOPE_WAREHOUSE}, else the project's {@code warehouse/sendscope.duckdb}.
     */
    public static Sendscope open() {
        return open(Warehouse.resolve(null));
    }

    /** A given warehouse file, read-only. */
    public static Sendscope open(String file) {
        return open(Path.of(file));
    }

    /** A given warehouse file, read-only. */
    public static synchronized Sendscope open(Path file) {
        Path f = absolute(file);
        Sendscope s = OPEN.get(f);
        if (s != null) return s;
        if (!Files.exists(f)) {
            throw new NoDataException("no data loaded: there is no warehouse at " + f + "; " + HOW_TO_LOAD);
        }
        s = new Sendscope(f);
        if (s.warehouse.count("SELECT count(*) FROM loads WHERE status = 'loaded'") == 0) {
            s.warehouse.close();
            throw new NoDataException("no data loaded in " + f + "; " + HOW_TO_LOAD);
        }
        OPEN.put(f, s);
        return s;
    }

    /**
     * A relative warehouse path is taken from the project folder when the launcher or the
     * kernelspec says where that is ({@code -Dsendscope.home}): Jupyter starts the kernel in the
     * notebook's own folder.
     */
    static Path absolute(Path file) {
        if (file.isAbsolute()) return file.normalize();
        String home = System.getProperty("sendscope.home");
        return (home == null ? file.toAbsolutePath() : Path.of(home).resolve(file)).normalize();
    }

    /**
     * Runs a read-only query (SELECT, WITH, DESCRIBE, …) and returns the result as a Tablesaw table.
     * The same guard as the SQL console ({@link ReadOnlyQuery}) and its time limit
     * ({@link #timeout(long)}, 60 s unless changed) apply; {@code %%sql} cells come here too.
     */
    public Table sql(String query) {
        return sql(query, List.of());
    }

    /**
     * Runs a read-only query with {@code ?} parameters bound in order (prepared-statement
     * parameters, never pasted into the text), e.g. the values of a {@code %%sql} cell's
     * {@code :name} parameters. An interrupt of the cell cancels the statement ({@link #cancelRunning()}).
     */
    public synchronized Table sql(String query, List<?> parameters) {
        String checked = ReadOnlyQuery.check(query);
        List<Object> values = parameters.stream().map(Sendscope::parameter).toList();
        TimedQuery[] running = new TimedQuery[1];
        try (TimedQuery q = TimedQuery.start(current().connection(), checked, values, timeoutSeconds,
                "Sendscope.open().timeout(SECONDS)", t -> {
                    running[0] = t;
                    RUNNING.add(t);
                })) {
            try {
                Table t = ResultTables.read(q.resultSet(), "result");
                return isSchema(checked) ? TableHtml.showWhole(t) : t;
            } catch (SQLException e) {
                throw q.failure(e);
            }
        } catch (WarehouseException e) {
            if (running[0] != null && !running[0].timedOut() && cancelled(e)) {
                throw new QueryCancelledException("the query was stopped (interrupted)");
            }
            throw e;
        } finally {
            if (running[0] != null) RUNNING.remove(running[0]);
        }
    }

    /** Sets the time limit of this notebook's queries, in seconds (0: none); returns this. */
    public Sendscope timeout(long seconds) {
        if (seconds < 0) throw new WarehouseException("the time limit must be 0 (none) or more seconds, not " + seconds);
        this.timeoutSeconds = seconds;
        return this;
    }

    /** A DESCRIBE, SHOW or SUMMARIZE result lists columns: every one of them is shown. */
    private static boolean isSchema(String query) {
        String first = query.stripLeading().split("[\\s(]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return first.equals("describe") || first.equals("show") || first.equals("summarize");
    }

    /**
     * Tables up to {@code rows} rows are shown whole in the notebook, longer ones by their first and
     * last rows (0: every row); the same as {@code %config SqlMagic.displaylimit = rows}.
     */
    public static void displayLimit(int rows) {
        TableHtml.displayLimit(rows);
    }

    /** Numbers shown with thousands separators (3,266), except years and codes; {@code %config SqlMagic.thousands = True}. */
    public static void thousands(boolean on) {
        TableHtml.thousands(on);
    }

    // DuckDB's JDBC driver binds LocalDate and the boxed numbers and strings; anything else as its text.
    private static Object parameter(Object v) {
        if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean
                || v instanceof java.time.LocalDate || v instanceof java.time.LocalDateTime) {
            return v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d)
                    : v instanceof java.time.LocalDateTime t ? java.sql.Timestamp.valueOf(t) : v;
        }
        return v.toString();
    }

    private static boolean cancelled(WarehouseException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("interrupt");
    }

    /**
     * Stops every query running on the notebook's warehouses (the kernel's interrupt): a statement
     * in DuckDB's native code cannot be stopped by stopping the Java thread that waits for it.
     *
     * @return how many statements were asked to stop
     */
    public static int cancelRunning() {
        int n = 0;
        for (TimedQuery q : RUNNING) {
            q.cancel();
            n++;
        }
        return n;
    }

    /**
     * Fails with a sentence saying what to load when the warehouse holds no observation of
     * {@code measure}, so a notebook stops at its first cell and not at an empty chart.
     *
     * @return this, for chaining
     */
    public synchronized Sendscope require(String measure) {
        long n;
        try (var ps = current().connection().prepareStatement("SELECT count(*) FROM observations WHERE measure = ?")) {
            ps.setString(1, measure);
            try (ResultSet rs = ps.executeQuery()) {
                n = rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new WarehouseException(TimedQuery.firstLine(e.getMessage()), e);
        }
        if (n == 0) {
            throw new NoDataException("no " + measure + " observations loaded in " + file + "; " + HOW_TO_LOAD);
        }
        return this;
    }

    /** A line chart: one line per {@code series} value across {@code period}. */
    public Chart lineChart(Table t, String period, String value, String series) {
        return Chart.line(t, period, value, series);
    }

    /** A bar chart of {@code value} by {@code category}. */
    public Chart barChart(Table t, String category, String value) {
        return Chart.bar(t, category, value);
    }

    /** A bar chart of {@code value} by {@code category}, one bar per {@code series} value in each. */
    public Chart barChart(Table t, String category, String value, String series) {
        return Chart.bar(t, category, value, series);
    }

    /**
     * A KPI's series for one area with change on the previous period and on the first, direction of
     * travel against its polarity or required direction, and RAG against the target in force
     * ({@link org.sendscope.analysis.Trend}; the same rules as the {@code kpi_trend} view).
     */
    public synchronized Table trend(String measure, String areaCode) {
        return org.sendscope.analysis.Trend.load(current(), measure, areaCode).table();
    }

    /**
     * An LA's value of a measure against England, its region and its statistical neighbours (mean
     * and median), with rank and LAIT quartile band, period by period
     * ({@link org.sendscope.analysis.BenchmarkComparison}; the {@code benchmark_comparison} view).
     */
    public synchronized Table compare(String measure, String areaCode) {
        return org.sendscope.analysis.BenchmarkComparison.table(
                org.sendscope.analysis.BenchmarkComparison.of(current(), measure, areaCode));
    }

    /**
     * EHC plans forecast for one or more areas from January {@code origin}, 1..{@code horizon} years
     * ahead, by the model the backtest picks ({@code auto}), with 80% and 95% prediction intervals.
     * Computed in the notebook, not stored: {@code sendscope forecast ehcp} stores runs with their
     * provenance.
     */
    public synchronized Table forecast(int origin, int horizon, String... areaCodes) {
        var engine = new org.sendscope.forecast.EhcpForecasting(org.sendscope.forecast.PanelLoader.load(current()));
        var rows = engine.forecast(origin, horizon, org.sendscope.forecast.Models.AUTO, List.of(areaCodes));
        return Table.create("forecast",
                tech.tablesaw.api.StringColumn.create("area_code", rows.stream().map(r -> r.areaCode())),
                tech.tablesaw.api.StringColumn.create("area_name", rows.stream().map(r -> r.areaName())),
                tech.tablesaw.api.IntColumn.create("target_year", rows.stream().mapToInt(r -> r.targetYear()).toArray()),
                tech.tablesaw.api.StringColumn.create("model", rows.stream().map(r -> r.model())),
                tech.tablesaw.api.DoubleColumn.create("point", rows.stream().mapToDouble(r -> Math.round(r.point()))),
                tech.tablesaw.api.DoubleColumn.create("lo80", rows.stream().mapToDouble(r -> Math.round(r.lo80()))),
                tech.tablesaw.api.DoubleColumn.create("hi80", rows.stream().mapToDouble(r -> Math.round(r.hi80()))),
                tech.tablesaw.api.DoubleColumn.create("lo95", rows.stream().mapToDouble(r -> Math.round(r.lo95()))),
                tech.tablesaw.api.DoubleColumn.create("hi95", rows.stream().mapToDouble(r -> Math.round(r.hi95()))));
    }

    /**
     * An area as the warehouse names it (one name per area, the {@code areas} view).
     *
     * @param code       its GSS code
     * @param name       its name
     * @param regionCode its region's code (null for England or a region)
     * @param regionName its region's name
     */
    public record Area(String code, String name, String regionCode, String regionName) {
        @Override
        public String toString() {
            return name + " (" + code + (regionName == null ? "" : ", " + regionName) + ")";
        }
    }

    /**
     * The area with this GSS code, as a notebook's {@code area} parameter names it; a code the
     * warehouse does not know fails the cell saying so.
     */
    public synchronized Area area(String code) {
        try (var ps = current().connection().prepareStatement(
                "SELECT area_code, name, region_code, region_name FROM areas WHERE area_code = ?")) {
            ps.setString(1, code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoDataException("no area " + code + " in " + file + " (an area is known once a DfE release "
                            + "names it; BCP is E06000058, Hull E06000010, Bedford E06000055)");
                }
                return new Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new WarehouseException(TimedQuery.firstLine(e.getMessage()), e);
        }
    }

    /** The warehouse file this notebook reads. */
    public Path file() {
        return file;
    }

    /** The read-only warehouse, for analyses that take one. */
    public synchronized Warehouse warehouse() {
        return current();
    }

    /**
     * The connection to the file as it is now: when a load has replaced the file since the last
     * query, the old connection is closed and the new file opened.
     */
    private synchronized Warehouse current() {
        Object now = fileKey(file);
        if (now != null && !now.equals(fileKey)) {
            Warehouse fresh = withFunctions(Warehouse.openReadOnly(file));
            Warehouse old = warehouse;
            warehouse = fresh;
            fileKey = now;
            old.close();
        }
        return warehouse;
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (java.io.IOException e) {
            return null; // gone for a moment or for good: keep the connection we have
        }
    }

    @Override
    public String toString() {
        return "sendscope warehouse " + file + " (read-only)";
    }

    /** Closes every warehouse the notebook opened (kernel shutdown). */
    static synchronized void closeAll() {
        for (Sendscope s : OPEN.values()) {
            try {
                s.warehouse.close();
            } catch (RuntimeException ignored) {
                // shutting down: nothing more to do with a connection that will not close
            }
        }
        OPEN.clear();
    }
}

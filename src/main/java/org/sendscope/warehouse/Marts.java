package org.sendscope.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The public views' stored results: {@code observations}, {@code analysis_observations},
 * {@code statistical_neighbour_averages}, {@code kpi_trend},
 * {@code kpi_latest} and {@code benchmark_comparison} read tables ({@code mart_…}) that are
 * computed again inside every load's transaction, so that a question reads rows instead of
 * recomputing every window, rank and neighbour mean (docs/decisions/0125-marts-built-at-load-time.md).
 * The rules stay in the views' table macros in {@code sql/views/}; this class only says when and
 * for which measures they run (docs/decisions/0150-cheap-mart-refreshes.md,
 * docs/decisions/0153-mart-refreshes-by-area-and-appended.md). Mart tables carry
 * {@code load_id} columns but belong to no load: {@link DataTables} leaves them out.
 */
public final class Marts {
    /** A mart, the macro that fills it ({@code %s}: the measure list) and whether it reads the neighbour lists. */
    private record Mart(String table, String macro, boolean readsNeighbours) {
    }

    /** In dependency order: each reads the ones before it through the public views. */
    private static final List<Mart> MARTS = List.of(
            new Mart("mart_observations", "observations_of(%s)", false),
            new Mart("mart_derived_observations", "derived_observations_of(%s)", false),
            new Mart("mart_statistical_neighbour_averages", "statistical_neighbour_averages_of(%s)", true),
            new Mart("mart_kpi_trend", "trend_of(NULL, %s)", false),
            new Mart("mart_kpi_latest", "kpi_latest_of(%s)", false),
            new Mart("mart_benchmark_comparison", "benchmarks_of(%s)", true));
    /** The measures derived from ehc_plans (sql/views/155). */
    private static final List<String> DERIVED_FROM_PLANS =
            List.of("ehc_plans_growth_1y_pct", "ehc_plans_growth_5y_pct", "ehc_plans_mainstream_pct");

    /**
     * What the marts read of each area besides its figures: its name (observations), level, region
     * and dates of existence (benchmarks' region column and ranked pools), and whether a real load
     * names it (a synthetic figure is shown only for the others). One number per area code.
     */
    private static final String AREA_HASHES = """
            SELECT a.area_code, hash(list(hash(a.name, a.level, a.region_code, a.valid_from, a.valid_to)
                       ORDER BY hash(a.name, a.level, a.region_code, a.valid_from, a.valid_to)), bool_or(r.area_code IS NOT NULL))
            FROM areas a
            LEFT JOIN (SELECT DISTINCT f.area_code FROM area_fact f JOIN loads l USING (load_id)
                       WHERE l.source_class <> 'synthetic') r ON r.area_code = a.area_code
            GROUP BY a.area_code""";

    /**
     * What the marts read of the areas, area by area, as a load finds them before it writes
     * ({@link #areas}); {@link #refreshAfter} compares it with what the load leaves.
     */
    public record Areas(Map<String, Long> hashes) {
        /** The codes of the areas that differ between this and {@code after}: added, removed or changed. */
        Set<String> changedIn(Areas after) {
            Set<String> changed = new TreeSet<>();
            for (var e : hashes.entrySet()) if (!e.getValue().equals(after.hashes.get(e.getKey()))) changed.add(e.getKey());
            for (String code : after.hashes.keySet()) if (!hashes.containsKey(code)) changed.add(code);
            return changed;
        }
    }

    /**
     * Whether a load's own measures are recomputed alone (on unless {@code -Dsendscope.marts.by_measure=false}:
     * then every mart in full after every load of figures, as after a replacement).
     */
    static volatile boolean byMeasure = !"false".equals(System.getProperty("sendscope.marts.by_measure"));

    /**
     * DuckDB threads for a refresh's windows, joins and sorts; a load's own inserts stay on one
     * (decision 0070), so the refresh sets its own count and puts the load's back.
     */
    static volatile int threads = Integer.getInteger("sendscope.marts.threads", 2);

    /** What one refresh did, for {@code bench load}: how much it recomputed and why, and each mart's time. */
    public record Refresh(String what, List<MartTime> marts) {
        /** Milliseconds over every mart. */
        public double ms() {
            return marts.stream().mapToDouble(MartTime::ms).sum();
        }
    }

    /** One mart's part of a refresh. */
    public record MartTime(String mart, double ms) {
    }

    private static volatile Consumer<Refresh> observer = r -> { };

    private Marts() {
    }

    /**
     * Sets what is told of each refresh as it ends (the load benchmark's breakdown); nothing by default.
     *
     * @return the one it replaces, to put back
     */
    public static Consumer<Refresh> observe(Consumer<Refresh> o) {
        Consumer<Refresh> was = observer;
        observer = java.util.Objects.requireNonNull(o);
        return was;
    }

    /** What the marts read of the areas now; a load takes it before it writes (see {@link #refreshAfter}). */
    public static Areas areas(Connection c) throws SQLException {
        Map<String, Long> hashes = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(AREA_HASHES)) {
            while (rs.next()) hashes.put(rs.getString(1), rs.getLong(2));
        }
        return new Areas(hashes);
    }

    /**
     * Recomputes every mart from the warehouse's current rows, on {@code c}'s transaction (a load's,
     * so that the new figures and their comparisons land or roll back together).
     */
    public static void refresh(Connection c) throws SQLException {
        refresh(c, "every mart in full");
    }

    private static void refresh(Connection c, String why) throws SQLException {
        List<MartTime> times = new ArrayList<>();
        try (Statement s = c.createStatement(); RefreshSettings settings = RefreshSettings.apply(s, threads)) {
            for (Mart m : MARTS) times.add(fill(s, m, null));
        }
        observer.accept(new Refresh(why, times));
    }

    /**
     * Brings the marts up to date after load {@code loadId}, on its transaction. Every mart row is
     * one measure's, and reads only that measure's figures, definition and targets, the neighbour
     * lists, and what {@link Areas} holds of the areas that measure has figures for (ranks, England,
     * region and neighbour figures are all per measure; docs/decisions/0153). So, when
     * {@link #byMeasure} is on (otherwise every mart in full), the rows recomputed are those of the
     * measures the load wrote, and of every measure with figures for an area whose entry in
     * {@code areasBefore} (taken before the load wrote) the load changed — a new area named by no
     * earlier figure adds none; a load of neighbour lists recomputes the two marts that read them;
     * a load that replaced an earlier one recomputes all.
     */
    public static void refreshAfter(Connection c, long loadId, boolean replacedEarlier, Areas areasBefore) throws SQLException {
        if (replacedEarlier) {
            refresh(c, "every mart in full: the load replaced an earlier one");
            return;
        }
        if (wrote(c, "area_succession", loadId)) {
            refresh(c, "every mart in full: the load wrote area successions");
            return;
        }
        Set<String> changedAreas = areasBefore.changedIn(areas(c));
        if (!changedAreas.isEmpty() && !byMeasure) {
            refresh(c, "every mart in full: the areas changed");
            return;
        }
        boolean neighbours = wrote(c, "statistical_neighbour_fact", loadId);
        TreeSet<String> own = measuresOf(c, loadId);
        TreeSet<String> measures = new TreeSet<>(own);
        measures.addAll(measuresFiguredFor(c, changedAreas));
        int more = measures.size() - own.size();
        if (measures.contains("ehc_plans")) measures.addAll(DERIVED_FROM_PLANS);
        if (measures.isEmpty() && !neighbours) return;
        if (!measures.isEmpty() && !byMeasure) {
            refresh(c, "every mart in full: by measure is off");
            return;
        }
        String why = changedAreas.size() + " areas changed; " + own.size() + " measures loaded, "
                + more + " more with figures for those areas";
        if (!measures.isEmpty() && measures.containsAll(everyMeasure(c))) {
            refresh(c, "every mart in full: every measure (" + why + ")");
            return;
        }
        String list = measures.isEmpty() ? null : sqlList(c, measures);
        List<MartTime> times = new ArrayList<>();
        try (Statement s = c.createStatement(); RefreshSettings settings = RefreshSettings.apply(s, threads)) {
            for (Mart m : MARTS) {
                if (neighbours && m.readsNeighbours()) times.add(fill(s, m, null));
                else if (list != null) times.add(fill(s, m, list));
            }
        }
        observer.accept(new Refresh((neighbours ? "the neighbour marts in full" : "")
                + (neighbours && list != null ? ", " : "")
                + (list != null ? measures.size() + " measures (" + why + ")" : ""), times));
    }

    /**
     * Replaces a mart's rows for the measures in {@code list} (a SQL list literal; NULL: all), in
     * area order so that one area's rows sit together and a filter on it skips the rest.
     */
    private static MartTime fill(Statement s, Mart m, String list) throws SQLException {
        long t0 = System.nanoTime();
        fillRows(s, m, list);
        return new MartTime(m.table(), (System.nanoTime() - t0) / 1e6);
    }

    private static void fillRows(Statement s, Mart m, String list) throws SQLException {
        String fresh = m.macro().formatted(list == null ? "NULL" : list);
        if (list == null) {
            s.execute("DELETE FROM " + m.table());
            s.execute("INSERT INTO " + m.table() + " SELECT * FROM " + fresh + " ORDER BY area_code");
            setAppended(s, m, 0);
            return;
        }
        // The measures' rows are deleted and their new ones appended, in area order among themselves: the
        // cost follows the measures' rows, not the mart's. Appended rows lie outside the mart's area order
        // (a question about one area reads their row groups too), so once more than a row group's worth
        // has been appended since the mart was last in area order, it is rewritten in area order
        // (docs/decisions/0153).
        long appended = appended(s, m);
        s.execute("DELETE FROM " + m.table() + " WHERE measure IN (SELECT measure FROM mart_refresh_measures)");
        appended += s.executeUpdate("INSERT INTO " + m.table() + " SELECT * FROM " + fresh + " ORDER BY area_code");
        if (appended <= ROW_GROUP) {
            setAppended(s, m, appended);
            return;
        }
        s.execute("CREATE TABLE " + m.table() + "_next AS SELECT * FROM " + m.table() + " ORDER BY area_code");
        s.execute("DROP TABLE " + m.table());
        s.execute("ALTER TABLE " + m.table() + "_next RENAME TO " + m.table());
        setAppended(s, m, 0);
    }

    /** DuckDB's rows per row group: the unit a question about one area reads or skips. */
    private static final long ROW_GROUP = 122_880;
    private static final String APPENDED = "rows appended outside area order: ";

    /** The rows appended to a mart since it was last written in area order, kept in the table's comment. */
    private static long appended(Statement s, Mart m) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT comment FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = '"
                + m.table() + "'")) {
            String comment = rs.next() ? rs.getString(1) : null;
            return comment != null && comment.startsWith(APPENDED) ? Long.parseLong(comment.substring(APPENDED.length())) : 0;
        }
    }

    private static void setAppended(Statement s, Mart m, long rows) throws SQLException {
        s.execute("COMMENT ON TABLE " + m.table() + " IS '" + APPENDED + rows + "'");
    }

    /** The measures load {@code loadId} wrote: figures, definitions, targets. */
    private static TreeSet<String> measuresOf(Connection c, long loadId) throws SQLException {
        TreeSet<String> measures = new TreeSet<>();
        for (String table : List.of("observation_fact", "measure_fact", "kpi_target_fact")) {
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT measure FROM " + table + " WHERE load_id = ?")) {
                p.setLong(1, loadId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) measures.add(rs.getString(1));
                }
            }
        }
        return measures;
    }

    /** The measures with figures for any of {@code areas}: their rows read those areas' names, regions and dates. */
    private static TreeSet<String> measuresFiguredFor(Connection c, Set<String> areas) throws SQLException {
        TreeSet<String> measures = new TreeSet<>();
        if (areas.isEmpty()) return measures;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE mart_changed_areas AS SELECT unnest(" + literal(areas) + ") AS area_code");
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT measure FROM observation_fact "
                    + "WHERE area_code IN (SELECT area_code FROM mart_changed_areas)")) {
                while (rs.next()) measures.add(rs.getString(1));
            }
            s.execute("DROP TABLE mart_changed_areas");
        }
        return measures;
    }

    /** Every measure a mart can hold a row of: those with figures, and the ones derived from them. */
    private static Set<String> everyMeasure(Connection c) throws SQLException {
        Set<String> all = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT measure FROM observation_fact")) {
            while (rs.next()) all.add(rs.getString(1));
        }
        if (all.contains("ehc_plans")) all.addAll(DERIVED_FROM_PLANS);
        return all;
    }

    /** {@code measures} as a SQL list literal, also in the temporary table mart_refresh_measures. */
    private static String sqlList(Connection c, Set<String> measures) throws SQLException {
        String list = literal(measures);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE mart_refresh_measures AS SELECT unnest(" + list + ") AS measure");
        }
        return list;
    }

    private static String literal(Set<String> values) {
        StringBuilder list = new StringBuilder("[");
        for (String v : values) list.append(list.length() > 1 ? ", " : "").append('\'').append(v.replace("'", "''")).append('\'');
        return list.append(']').toString();
    }

    /**
     * The settings a refresh runs with, put back as they were afterwards: its thread count, and no
     * join filter pushdown. DuckDB 2.0.0.1's hash joins push a Bloom filter built from the join's
     * build side into the probe side's scan; with two threads that corrupted memory in the marts'
     * refresh and crashed the JVM (SIGSEGV in {@code BloomFilter::LookupHashes},
     * {@code TupleDataCollection::Gather} and the destructor of its gather functions, at an address
     * made of hash bits). With the pushdown off the same refresh on two threads passes
     * (docs/decisions/0152-the-marts-crash.md). Every warehouse connection is opened with it off
     * ({@link Warehouse}); this keeps it off for a connection opened otherwise.
     */
    private record RefreshSettings(Statement s, String threadsBefore, String optimizersBefore) implements AutoCloseable {
        static RefreshSettings apply(Statement s, int threads) throws SQLException {
            String threadsBefore = setting(s, "threads");
            String optimizersBefore = setting(s, "disabled_optimizers");
            if (!threadsBefore.equals(Integer.toString(threads))) s.execute("SET threads = " + threads);
            s.execute("SET disabled_optimizers = '" + withPushdownOff(optimizersBefore) + "'");
            return new RefreshSettings(s, threadsBefore, optimizersBefore);
        }

        private static String withPushdownOff(String disabled) {
            String off = Warehouse.NO_JOIN_FILTER_PUSHDOWN;
            if (disabled == null || disabled.isBlank()) return off;
            return disabled.contains(off) ? disabled : disabled + "," + off;
        }

        private static String setting(Statement s, String name) throws SQLException {
            try (ResultSet rs = s.executeQuery("SELECT current_setting('" + name + "')")) {
                rs.next();
                String v = rs.getString(1);
                return v == null ? "" : v;
            }
        }

        @Override
        public void close() throws SQLException {
            s.execute("SET threads = " + threadsBefore);
            s.execute("SET disabled_optimizers = '" + optimizersBefore.replace("'", "''") + "'");
        }
    }

    private static boolean wrote(Connection c, String table, long loadId) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) > 0 FROM information_schema.columns WHERE table_schema = 'main' "
                     + "AND table_name = '" + table + "' AND column_name = 'load_id'")) {
            rs.next();
            if (!rs.getBoolean(1)) return false;
        }
        try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE load_id = ?)")) {
            p.setLong(1, loadId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}

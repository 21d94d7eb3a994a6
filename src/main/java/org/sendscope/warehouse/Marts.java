package org.sendscope.warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;

/**
 * The public views' stored results: {@code observations}, {@code analysis_observations},
 * {@code statistical_neighbour_averages}, {@code kpi_trend},
 * {@code kpi_latest} and {@code benchmark_comparison} read tables ({@code mart_…}) that are
 * computed again inside every load's transaction, so that a question reads rows instead of
 * recomputing every window, rank and neighbour mean (docs/decisions/0125-marts-built-at-load-time.md).
 * The rules stay in the views' table macros in {@code sql/views/}; this class only says when and
 * for which measures they run (docs/decisions/0150-cheap-mart-refreshes.md). Mart tables carry
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
     * What the marts read besides a load's own measures: each area's name, level, region and dates of
     * existence (benchmarks' region column and ranked pools) and which areas real loads name (a
     * synthetic figure is shown only for the others). As one number, compared before and after a load.
     */
    private static final String AREAS_DIGEST = """
            SELECT hash(
                (SELECT coalesce(bit_xor(hash(area_code, name, level, region_code, valid_from, valid_to)), 0) FROM areas),
                (SELECT coalesce(bit_xor(hash(area_code)), 0) FROM (SELECT DISTINCT a.area_code FROM area_fact a
                    JOIN loads l USING (load_id) WHERE l.source_class <> 'synthetic')))""";

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

    private Marts() {
    }

    /** The digest of what the marts read of the areas; a load takes it before it writes (see {@link #refreshAfter}). */
    public static long areasDigest(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(AREAS_DIGEST)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Recomputes every mart from the warehouse's current rows, on {@code c}'s transaction (a load's,
     * so that the new figures and their comparisons land or roll back together).
     */
    public static void refresh(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); RefreshSettings settings = RefreshSettings.apply(s, threads)) {
            for (Mart m : MARTS) fill(s, m, null);
        }
    }

    /**
     * Brings the marts up to date after load {@code loadId}, on its transaction. Ranks, England,
     * region and neighbour figures are per measure, so a load that adds figures, definitions or
     * targets changes only its own measures' rows, and only those are recomputed when
     * {@link #byMeasure} is on (otherwise all are); a load of
     * neighbour lists recomputes the two marts that read them; a load that replaced an earlier one,
     * changed LA successions or changed what the marts read of the areas
     * ({@code areasBefore}, from {@link #areasDigest} before the load wrote) recomputes all.
     */
    public static void refreshAfter(Connection c, long loadId, boolean replacedEarlier, long areasBefore) throws SQLException {
        if (replacedEarlier || wrote(c, "area_succession", loadId) || areasDigest(c) != areasBefore) {
            refresh(c);
            return;
        }
        boolean neighbours = wrote(c, "statistical_neighbour_fact", loadId);
        String measures = measuresOf(c, loadId);
        if (measures == null && !neighbours) return;
        if (measures != null && !byMeasure) {
            refresh(c);
            return;
        }
        try (Statement s = c.createStatement(); RefreshSettings settings = RefreshSettings.apply(s, threads)) {
            for (Mart m : MARTS) {
                if (neighbours && m.readsNeighbours()) fill(s, m, null);
                else if (measures != null) fill(s, m, measures);
            }
        }
    }

    /**
     * Replaces a mart's rows for the measures in {@code list} (a SQL list literal; NULL: all), in
     * area order so that one area's rows sit together and a filter on it skips the rest.
     */
    private static void fill(Statement s, Mart m, String list) throws SQLException {
        String fresh = m.macro().formatted(list == null ? "NULL" : list);
        if (list == null) {
            s.execute("DELETE FROM " + m.table());
            s.execute("INSERT INTO " + m.table() + " SELECT * FROM " + fresh + " ORDER BY area_code");
            return;
        }
        // The kept rows and the new ones are written, in area order, to a new table that replaces the
        // mart, so that one area's rows stay in a few row groups (a delete and an append would put the
        // measure's new rows for every area into row groups of their own, read for every area).
        s.execute("CREATE TABLE " + m.table() + "_next AS SELECT * FROM (SELECT * FROM " + m.table()
                + " WHERE measure NOT IN (SELECT measure FROM mart_refresh_measures) UNION ALL SELECT * FROM " + fresh
                + ") ORDER BY area_code");
        s.execute("DROP TABLE " + m.table());
        s.execute("ALTER TABLE " + m.table() + "_next RENAME TO " + m.table());
    }

    /** The measures load {@code loadId} wrote (figures, definitions, targets) as a SQL list, also in mart_refresh_measures; NULL when none. */
    private static String measuresOf(Connection c, long loadId) throws SQLException {
        TreeSet<String> measures = new TreeSet<>();
        for (String table : List.of("observation_fact", "measure_fact", "kpi_target_fact")) {
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT measure FROM " + table + " WHERE load_id = ?")) {
                p.setLong(1, loadId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) measures.add(rs.getString(1));
                }
            }
        }
        if (measures.isEmpty()) return null;
        if (measures.contains("ehc_plans")) measures.addAll(DERIVED_FROM_PLANS);
        StringBuilder list = new StringBuilder("[");
        for (String m : measures) list.append(list.length() > 1 ? ", " : "").append('\'').append(m.replace("'", "''")).append('\'');
        list.append(']');
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE mart_refresh_measures AS SELECT unnest(" + list + ") AS measure");
        }
        return list.toString();
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

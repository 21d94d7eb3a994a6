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
     * What the marts read besides a load's own measures: each area's level, region and dates of
     * existence (benchmarks' region column and ranked pools) and which areas real loads name (a
     * synthetic figure is shown only for the others). As one number, compared before and after a load.
     */
    private static final String AREAS_DIGEST = """
            SELECT hash(
                (SELECT coalesce(bit_xor(hash(area_code, level, region_code, valid_from, valid_to)), 0) FROM areas),
                (SELECT coalesce(bit_xor(hash(area_code)), 0) FROM (SELECT DISTINCT a.area_code FROM area_fact a
                    JOIN loads l USING (load_id) WHERE l.source_class <> 'synthetic')))""";

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
        try (BothThreads t = BothThreads.on(c); Statement s = c.createStatement()) {
            for (Mart m : MARTS) fill(s, m, null);
        }
    }

    /**
     * Brings the marts up to date after load {@code loadId}, on its transaction. Ranks, England,
     * region and neighbour figures are per measure, so a load that adds figures, definitions or
     * targets changes only its own measures' rows, and only those are recomputed; a load of
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
        try (BothThreads t = BothThreads.on(c); Statement s = c.createStatement()) {
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
        // The rows to replace are chosen by a join to a table of measures, not by list_contains: the
        // latter, in a DELETE of the same transaction as the refill, crashed DuckDB 2.0.0.1 natively (0150).
        if (list == null) {
            s.execute("DELETE FROM " + m.table());
        } else {
            s.execute("DELETE FROM " + m.table() + " WHERE measure IN (SELECT measure FROM mart_refresh_measures)");
        }
        s.execute("INSERT INTO " + m.table() + " SELECT * FROM " + m.macro().formatted(list == null ? "NULL" : list)
                + " ORDER BY area_code");
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

    /**
     * Every core for the refresh, put back afterwards: loads run on one thread (decision 0070: two
     * threads' part-filled row groups cost more to merge than they save on the releases' small
     * files), but the marts' windows, joins and sorts are work that two threads halve.
     */
    private static final class BothThreads implements AutoCloseable {
        private final Connection c;
        private final String before;

        private BothThreads(Connection c, String before) {
            this.c = c;
            this.before = before;
        }

        static BothThreads on(Connection c) throws SQLException {
            int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('threads')")) {
                rs.next();
                String before = rs.getString(1);
                if (Integer.parseInt(before) >= cores) return new BothThreads(c, null);
                s.execute("SET threads = " + cores);
                return new BothThreads(c, before);
            }
        }

        @Override
        public void close() throws SQLException {
            if (before == null || c.isClosed()) return;
            try (Statement s = c.createStatement()) {
                s.execute("SET threads = " + before);
            }
        }
    }
}

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
 * for which measures they run. Mart tables carry {@code load_id} columns but belong to no load:
 * {@link DataTables} leaves them out.
 */
public final class Marts {
    /** Each mart and the macro that fills it ({@code %s}: the measure list), in dependency order. */
    private static final List<String[]> MARTS = List.of(
            new String[]{"mart_observations", "observations_of(%s)"},
            new String[]{"mart_analysis_observations", "analysis_observations_of(%s)"},
            new String[]{"mart_statistical_neighbour_averages", "statistical_neighbour_averages_of(%s)"},
            new String[]{"mart_kpi_trend", "trend_of(NULL, %s)"},
            new String[]{"mart_kpi_latest", "kpi_latest_of(%s)"},
            new String[]{"mart_benchmark_comparison", "benchmarks_of(%s)"});
    /** The measures analysis_observations derives from ehc_plans (sql/views/155). */
    private static final List<String> DERIVED_FROM_PLANS =
            List.of("ehc_plans_growth_1y_pct", "ehc_plans_growth_5y_pct", "ehc_plans_mainstream_pct");

    /** Whether a first load recomputes only its own measures (off: see {@link #refreshAfter}). */
    static final boolean PARTIAL = Boolean.getBoolean("sendscope.marts.partial");

    private Marts() {
    }

    /**
     * Recomputes every mart from the warehouse's current rows, on {@code c}'s transaction (a load's,
     * so that the new figures and their comparisons land or roll back together).
     */
    public static void refresh(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String[] m : MARTS) {
                s.execute("DELETE FROM " + m[0]);
                s.execute("INSERT INTO " + m[0] + " SELECT * FROM " + m[1].formatted("NULL"));
            }
        }
    }

    /**
     * Brings the marts up to date after load {@code loadId}. A first load of its scope that adds
     * figures, definitions or targets changes only the comparisons of its own measures (ranks,
     * England and neighbour values are per measure), so only those are recomputed; a load that
     * replaced an earlier one, or changed the neighbour lists or LA successions, recomputes all.
     */
    public static void refreshAfter(Connection c, long loadId, boolean replacedEarlier) throws SQLException {
        // Only the full refresh for now: the measure-limited one (below) crashed DuckDB 2.0.0.1 natively
        // (SIGSEGV in TupleDataCollection::Gather) on a paper load after the demo, in EveryViewAnswersTest.
        if (!PARTIAL || replacedEarlier || wrote(c, "statistical_neighbour_fact", loadId) || wrote(c, "area_succession", loadId)) {
            refresh(c);
            return;
        }
        TreeSet<String> measures = new TreeSet<>();
        for (String table : List.of("observation_fact", "measure_fact", "kpi_target_fact")) {
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT measure FROM " + table + " WHERE load_id = ?")) {
                p.setLong(1, loadId);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) measures.add(rs.getString(1));
                }
            }
        }
        if (measures.isEmpty()) return;
        if (measures.contains("ehc_plans")) measures.addAll(DERIVED_FROM_PLANS);
        StringBuilder list = new StringBuilder("[");
        for (String m : measures) list.append(list.length() > 1 ? ", " : "").append('\'').append(m.replace("'", "''")).append('\'');
        list.append(']');
        try (Statement s = c.createStatement()) {
            for (String[] m : MARTS) {
                s.execute("DELETE FROM " + m[0] + " WHERE list_contains(" + list + ", measure)");
                s.execute("INSERT INTO " + m[0] + " SELECT * FROM " + m[1].formatted(list));
            }
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

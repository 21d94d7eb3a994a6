package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;

/**
 * The analysis views read marts computed inside each load's transaction (docs/decisions/0125): a
 * reader that opens after the load sees the new figures already compared; a refused load leaves
 * the comparisons as they were. Made-up numbers.
 */
class MartsTest {

    static long load(Warehouse w, Path dir, String name, String vintage, double bcp, boolean fail) throws Exception {
        return load(w, dir, name, vintage, bcp, fail, false);
    }

    static long load(Warehouse w, Path dir, String name, String vintage, double bcp, boolean fail, boolean replace)
            throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, name + bcp);
        return LoadRun.run(w, "dfe-ehcp", "dfe-ehcp|" + name, SourceFile.of(f), vintage, replace, run -> {
            try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO observation_fact VALUES (?, NULL, ?, "
                    + "'ehc_requests', 'total', 'calendar_year', '2022', DATE '2022-01-01', DATE '2022-12-31', ?, 'reported', "
                    + "'dfe-ehcp', ?, ?)")) {
                String[][] rows = {{"E06000058", "local_authority"}, {"E06000059", "local_authority"}, {"E92000001", "england"}};
                double[] values = {bcp, 400, 70000};
                for (int i = 0; i < rows.length; i++) {
                    p.setString(1, rows[i][0]);
                    p.setString(2, rows[i][1]);
                    p.setDouble(3, values[i]);
                    p.setString(4, vintage);
                    p.setLong(5, run.loadId());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO measure_fact VALUES ('ehc_requests', "
                    + "'Requests for an EHC needs assessment', 'count', 'neutral', 'dfe-ehcp', NULL, NULL, 't', ?)")) {
                p.setLong(1, run.loadId());
                p.executeUpdate();
            }
            if (fail) throw new LoadException(name, "refused on purpose");
            return 3;
        }).loadId();
    }

    @Test
    void aLoadsFiguresAreComparedWhenItCommitsAndARefusedLoadChangesNoComparison(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            load(w, dir, "a.csv", "2022", 900, false);
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(2, r.count("SELECT count(*) FROM mart_benchmark_comparison"));
            assertEquals(900, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(-69100, r.count("SELECT gap_england FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(1, r.count("SELECT rank FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(3, r.count("SELECT count(*) FROM kpi_trend"));
            assertEquals(3, r.count("SELECT count(*) FROM kpi_latest"));
        }
        try (Warehouse w = Warehouse.open(file)) {
            assertThrows(LoadException.class, () -> load(w, dir, "b.csv", "2023", 100, true));
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(2, r.count("SELECT count(*) FROM benchmark_comparison"));
            assertEquals(900, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
        }
        // a corrected release of the same scope replaces the figure and its comparison in one step
        try (Warehouse w = Warehouse.open(file)) {
            load(w, dir, "a.csv", "2022", 300, false, true);
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(300, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(2, r.count("SELECT rank FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(2, r.count("SELECT count(*) FROM benchmark_comparison"));
        }
    }

    /** One load of {@code source} writing the given statements (each with %d for its load id). */
    static long loadOf(Warehouse w, Path dir, String source, String name, String vintage, boolean fail, String... rows)
            throws Exception {
        return loadOf(w, dir, source, name, vintage, fail, false, rows);
    }

    static long loadOf(Warehouse w, Path dir, String source, String name, String vintage, boolean fail, boolean replace,
                       String... rows) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, name + String.join("", rows));
        return LoadRun.run(w, source, source + "|" + name, SourceFile.of(f), vintage, replace, run -> {
            try (java.sql.Statement st = run.connection().createStatement()) {
                for (String r : rows) st.execute(r.formatted(run.loadId()));
            }
            if (fail) throw new LoadException(name, "refused on purpose");
            return rows.length;
        }).loadId();
    }

    static String obs(String area, String level, String measure, String year, double value, String source, String vintage) {
        return ("INSERT INTO observation_fact VALUES ('%s', NULL, '%s', '%s', 'total', 'calendar_year', '%s', DATE '%s-01-01', "
                + "DATE '%s-12-31', %s, 'reported', '%s', '%s', %%d)").formatted(area, level, measure, year, year, year, value,
                source, vintage);
    }

    static final String[] AREAS = {
            "INSERT INTO area_fact VALUES ('E06000058', 839, 'BCP', 'local_authority', 'E12000009', 'South West', %d)",
            "INSERT INTO area_fact VALUES ('E06000059', 838, 'Dorset', 'local_authority', 'E12000009', 'South West', %d)",
            "INSERT INTO area_fact VALUES ('E06000022', 800, 'Bath', 'local_authority', 'E12000009', 'South West', %d)",
            "INSERT INTO area_fact VALUES ('E12000009', NULL, 'South West', 'region', NULL, NULL, %d)",
            "INSERT INTO area_fact VALUES ('E92000001', NULL, 'England', 'england', NULL, NULL, %d)"};

    /** Rows in the mart and not in its macro's full result or the other way round (doubles to 9 places). */
    static long differences(Warehouse w, String mart, String macro) throws Exception {
        java.util.List<String> cols = new java.util.ArrayList<>();
        try (var st = w.connection().createStatement(); var rs = st.executeQuery("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_name = '" + mart + "' ORDER BY ordinal_position")) {
            while (rs.next()) cols.add(rs.getString(2).equals("DOUBLE") ? "round(" + rs.getString(1) + ", 9)" : rs.getString(1));
        }
        String c = String.join(", ", cols);
        return w.count("SELECT count(*) FROM ((SELECT " + c + " FROM " + mart + " EXCEPT ALL SELECT " + c + " FROM " + macro
                + ") UNION ALL (SELECT " + c + " FROM " + macro + " EXCEPT ALL SELECT " + c + " FROM " + mart + "))");
    }

    static void assertMartsAreTheirMacros(Warehouse w, String after) throws Exception {
        String[][] marts = {{"mart_observations", "observations_of(NULL)"},
                {"mart_derived_observations", "derived_observations_of(NULL)"},
                {"mart_statistical_neighbour_averages", "statistical_neighbour_averages_of(NULL)"},
                {"mart_kpi_trend", "trend_of(NULL, NULL)"}, {"mart_kpi_latest", "kpi_latest_of(NULL)"},
                {"mart_benchmark_comparison", "benchmarks_of(NULL)"}};
        for (String[] m : marts) assertEquals(0, differences(w, m[0], m[1]), m[0] + " after " + after);
    }

    /**
     * Loads refresh only what they change (their own measures; the neighbour marts after a neighbour
     * load; everything after a replacement or a change to the areas), and after each the marts hold
     * exactly what their macros compute from all the rows. Made-up numbers.
     */
    @Test
    void afterEveryKindOfLoadTheMartsEqualTheirMacros(@TempDir Path dir) throws Exception {
        boolean was = Marts.byMeasure;
        try {
            Marts.byMeasure = false;
            everyKindOfLoad(Files.createDirectories(dir.resolve("in-full")));
            Marts.byMeasure = true;   // the measure-limited refresh (docs/decisions/0150)
            everyKindOfLoad(Files.createDirectories(dir.resolve("by-measure")));
        } finally {
            Marts.byMeasure = was;
        }
    }

    private static void everyKindOfLoad(Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            String[] first = new String[AREAS.length + 8];
            System.arraycopy(AREAS, 0, first, 0, AREAS.length);
            int i = AREAS.length;
            for (String y : new String[]{"2021", "2022"}) {
                first[i++] = obs("E06000058", "local_authority", "ehc_requests", y, y.equals("2021") ? 800 : 900, "dfe-ehcp", "2022");
                first[i++] = obs("E06000059", "local_authority", "ehc_requests", y, 400, "dfe-ehcp", "2022");
                first[i++] = obs("E06000022", "local_authority", "ehc_requests", y, 300, "dfe-ehcp", "2022");
                first[i++] = obs("E92000001", "england", "ehc_requests", y, 70000, "dfe-ehcp", "2022");
            }
            loadOf(w, dir, "dfe-ehcp", "sen2.csv", "2022", false, first);   // areas change: every mart in full
            assertMartsAreTheirMacros(w, "the first load");
            // a second measure, no new areas: only its own rows are computed
            loadOf(w, dir, "lait", "lait.csv", "2024", false, "INSERT INTO measure_fact VALUES ('absence_pct', 'Absence', 'percent', 'lower_is_better', 'lait', NULL, NULL, 't', %d)",
                    obs("E06000058", "local_authority", "absence_pct", "2022", 9.5, "lait", "2024"),
                    obs("E06000059", "local_authority", "absence_pct", "2022", 8.0, "lait", "2024"),
                    obs("E92000001", "england", "absence_pct", "2022", 7.5, "lait", "2024"));
            assertMartsAreTheirMacros(w, "a load of another measure");
            assertEquals(2, w.count("SELECT rank FROM benchmark_comparison WHERE area_code = 'E06000058' AND measure = 'absence_pct'"));
            // neighbour lists: the neighbour means of every measure follow
            loadOf(w, dir, "neighbours", "sn.xlsx", "2025-05", false,
                    "INSERT INTO statistical_neighbour_fact VALUES ('E06000058', 1, 'E06000059', NULL, 'current', '2025-05', %d)",
                    "INSERT INTO statistical_neighbour_fact VALUES ('E06000058', 2, 'E06000022', NULL, 'current', '2025-05', %d)");
            assertMartsAreTheirMacros(w, "a neighbours load");
            assertEquals(350, w.count("SELECT sn_mean FROM benchmark_comparison WHERE area_code = 'E06000058' "
                    + "AND measure = 'ehc_requests' AND period_label = '2022'"));
            // a paper's transcribed figure for a published period does not displace the DfE's; a new month is added
            loadOf(w, dir, "paper", "pack.txt", "2024-07-24", false,
                    obs("E06000058", "local_authority", "ehc_requests", "2022", 950, "paper:pack", "2024-07-24"),
                    "INSERT INTO observation_fact VALUES ('E06000058', NULL, 'local_authority', 'ehc_requests', 'total', 'month', "
                            + "'Jan-23', DATE '2023-01-01', DATE '2023-01-31', 80, 'reported', 'paper:pack', '2024-07-24', %d)");
            assertMartsAreTheirMacros(w, "a paper load");
            assertEquals(900, w.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058' "
                    + "AND measure = 'ehc_requests' AND period_label = '2022'"));
            // figures for areas no load has named yet: a published one for Bristol, a synthetic one for North Somerset
            loadOf(w, dir, "dfe-ehcp", "bristol.csv", "2023", false,
                    obs("E06000023", "local_authority", "ehc_requests", "2022", 500, "dfe-ehcp", "2023"));
            loadOf(w, dir, "synth", "synth.csv", "synthetic", false,
                    obs("E06000024", "local_authority", "ehc_requests", "2022", 200, "synth", "synthetic"));
            assertMartsAreTheirMacros(w, "figures for areas not named yet");
            assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E06000024'"));
            // a load of another measure names both: their region, their names, and that North Somerset is
            // real (so its synthetic figure goes) change the rows of ehc_requests, which it did not load
            loadOf(w, dir, "lait", "named.csv", "2024", false,
                    "INSERT INTO area_fact VALUES ('E06000023', 801, 'Bristol', 'local_authority', 'E12000009', 'South West', %d)",
                    "INSERT INTO area_fact VALUES ('E06000024', 802, 'North Somerset', 'local_authority', 'E12000009', 'South West', %d)",
                    obs("E06000023", "local_authority", "ks2_pct", "2022", 60, "lait", "2024"));
            assertMartsAreTheirMacros(w, "a load that names areas other measures have figures for");
            assertEquals(1, w.count("SELECT count(*) FROM benchmark_comparison WHERE area_code = 'E06000023' "
                    + "AND measure = 'ehc_requests' AND region_code = 'E12000009' AND area_name = 'Bristol'"));
            assertEquals(0, w.count("SELECT count(*) FROM observations WHERE area_code = 'E06000024'"));
            // a refused load changes nothing
            assertThrows(LoadException.class, () -> loadOf(w, dir, "lait", "lait2.csv", "2025", true,
                    obs("E06000058", "local_authority", "absence_pct", "2023", 1.0, "lait", "2025")));
            assertMartsAreTheirMacros(w, "a refused load");
            assertEquals(0, w.count("SELECT count(*) FROM kpi_trend WHERE period_label = '2023'"));
            // a corrected file of the same scope replaces the earlier figures: everything is recomputed
            loadOf(w, dir, "lait", "lait.csv", "2024", false, true,
                    "INSERT INTO measure_fact VALUES ('absence_pct', 'Absence', 'percent', 'lower_is_better', 'lait', NULL, NULL, 't', %d)",
                    obs("E06000058", "local_authority", "absence_pct", "2022", 7.0, "lait", "2024"),
                    obs("E92000001", "england", "absence_pct", "2022", 7.5, "lait", "2024"));
            assertMartsAreTheirMacros(w, "a replaced load");
            assertEquals(1, w.count("SELECT n_ranked FROM benchmark_comparison WHERE area_code = 'E06000058' AND measure = 'absence_pct'"));
        }
    }

    /**
     * What each refresh of the loads below did: a new area that no earlier figure names adds no
     * measure to recompute; one that earlier figures name adds theirs.
     */
    @Test
    void aNewAreaRecomputesOnlyTheMeasuresWithFiguresForIt(@TempDir Path dir) throws Exception {
        java.util.List<Marts.Refresh> refreshes = new java.util.ArrayList<>();
        var was = Marts.observe(refreshes::add);
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            String[] first = java.util.Arrays.copyOf(AREAS, AREAS.length + 2);
            first[AREAS.length] = obs("E06000058", "local_authority", "ehc_requests", "2022", 900, "dfe-ehcp", "2022");
            first[AREAS.length + 1] = obs("E06000023", "local_authority", "ehc_requests", "2022", 500, "dfe-ehcp", "2022");
            loadOf(w, dir, "dfe-ehcp", "sen2.csv", "2022", false, first);
            refreshes.clear();
            // Torbay is new and only absence_pct names it
            loadOf(w, dir, "lait", "torbay.csv", "2024", false,
                    "INSERT INTO area_fact VALUES ('E06000027', 880, 'Torbay', 'local_authority', 'E12000009', 'South West', %d)",
                    obs("E06000027", "local_authority", "absence_pct", "2022", 8, "lait", "2024"));
            assertEquals("1 measures (1 areas changed; 1 measures loaded, 0 more with figures for those areas)",
                    refreshes.get(0).what());
            refreshes.clear();
            // Bristol has ehc_requests figures from the first load and is named only now
            loadOf(w, dir, "lait", "bristol.csv", "2024", false,
                    "INSERT INTO area_fact VALUES ('E06000023', 801, 'Bristol', 'local_authority', 'E12000009', 'South West', %d)",
                    obs("E06000023", "local_authority", "absence_pct", "2022", 9, "lait", "2024"));
            assertEquals("every mart in full: every measure (1 areas changed; 1 measures loaded, 1 more with figures for those areas)",
                    refreshes.get(0).what());
            assertMartsAreTheirMacros(w, "the loads naming Torbay and Bristol");
        } finally {
            Marts.observe(was);
        }
    }

    /**
     * A refresh runs on its own thread count with DuckDB's join filter pushdown off, and puts the
     * load's settings back: a load's inserts stay on one thread (decision 0070) and a question's
     * joins keep the pushdown (docs/decisions/0152).
     */
    @Test
    void aRefreshPutsTheLoadsSettingsBack(@TempDir Path dir) throws Exception {
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            java.sql.Connection c = w.connection();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET threads = 1");
                s.execute("SET disabled_optimizers = 'limit_pushdown'");
            }
            Marts.refresh(c);
            assertEquals(1, w.count("SELECT current_setting('threads')"));
            try (java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('disabled_optimizers')")) {
                rs.next();
                assertEquals("limit_pushdown", rs.getString(1));
            }
        }
        // every open, read-write or read-only, has the join filter pushdown off
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"));
             java.sql.Statement s = w.connection().createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('disabled_optimizers')")) {
            rs.next();
            assertEquals("join_filter_pushdown", rs.getString(1));
        }
        try (Warehouse r = Warehouse.openReadOnly(dir.resolve("w.duckdb"));
             java.sql.Statement s = r.connection().createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('disabled_optimizers')")) {
            rs.next();
            assertEquals("join_filter_pushdown", rs.getString(1));
        }
    }
}

package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;
import tech.tablesaw.api.Table;

/**
 * Which of two figures for the same area, measure, breakdown and period the public views show
 * (docs/decisions/0126): official statistics over management information over transcribed figures,
 * the newest release within a class; synthetic figures never beside a real area's. The numbers are
 * made up; the labels are the real ones that sorted wrongly as text ('2024-07-24' and 'synthetic'
 * after '2022').
 */
class WhichFigureWinsTest {
    static final String BCP = "E06000058";

    /** BCP's 20-week timeliness for calendar year 2022 from SEN2, a committee paper, a scorecard and the demo. */
    static Warehouse fourSources() {
        Warehouse w = Fixtures.small();
        w.execute("""
                INSERT INTO load_log VALUES
                 (2, 'dfe-ehcp', 'dfe-ehcp|2022', 'sen2-2022.zip', 'a', '2022', now(), now(), 1, 0, 'loaded', NULL),
                 (3, 'paper', 'paper|E06000058|pack', 'pack.txt', 'b', '2024-07-24', now(), now(), 1, 0, 'loaded', NULL),
                 (4, 'kpis', 'kpis|E06000058|card', 'card.xlsx', 'c', '2024-11-30', now(), now(), 1, 0, 'loaded', NULL),
                 (5, 'kpis', 'kpis|E06999999|synthetic', 'synthetic.csv', 'd', 'synthetic', now(), now(), 1, 0, 'loaded', NULL)
                """);
        String row = "INSERT INTO observation_fact VALUES ('%s', NULL, '%s', 'pct_on_time', 'total', 'calendar_year', '2022', "
                + "DATE '2022-01-01', DATE '2022-12-31', %s, 'reported', '%s', '%s', %d)";
        w.execute(row.formatted(BCP, "local_authority", "6.7", "dfe-ehcp", "2022", 2));
        w.execute(row.formatted(BCP, "local_authority", "7.0", "paper:pack", "2024-07-24", 3));
        w.execute(row.formatted(BCP, "local_authority", "8.0", "kpis:card", "2024-11-30", 4));
        w.execute(row.formatted(BCP, "local_authority", "99.0", "kpis:synthetic", "synthetic", 5));
        w.execute(row.formatted(Fixtures.ENGLAND, "england", "49.2", "dfe-ehcp", "2022", 2));
        w.execute(row.formatted(Fixtures.ENGLAND, "england", "12.0", "kpis:synthetic", "synthetic", 5));
        // the demo's own fictional LA, and an official figure for a real neighbour
        w.execute(row.formatted("E06999999", "local_authority", "30.0", "kpis:synthetic", "synthetic", 5));
        w.execute(row.formatted("E06000901", "local_authority", "50.0", "dfe-ehcp", "2022", 2));
        w.execute("INSERT INTO area_fact VALUES ('E06999999', NULL, 'Synthetic LA (demo)', 'local_authority', "
                + "'E12000009', 'South West', 5)");
        return w;
    }

    @Test
    void aPapersScorecardsOrSyntheticFigureNeverDisplacesTheDfEs() {
        try (Warehouse w = fourSources()) {
            assertEquals(6.7, number(w, "SELECT value FROM observations WHERE area_code = '" + BCP + "'"), 1e-9);
            assertEquals("dfe-ehcp", text(w, "SELECT source FROM observations WHERE area_code = '" + BCP + "'"));
            assertEquals(49.2, number(w, "SELECT value FROM observations WHERE area_code = 'E92000001'"), 1e-9);
            // every vintage is still kept
            assertEquals(4, w.count("SELECT count(*) FROM observations_all_vintages WHERE area_code = '" + BCP + "'"));
            // the comparison views follow: BCP's row is SEN2's, beside SEN2's England
            assertEquals(6.7, number(w, "SELECT value FROM benchmark_comparison WHERE area_code = '" + BCP + "'"), 1e-9);
            assertEquals(49.2, number(w, "SELECT england FROM benchmark_comparison WHERE area_code = '" + BCP + "'"), 1e-9);
            assertEquals(6.7, number(w, "SELECT value FROM kpi_latest WHERE area_code = '" + BCP + "'"), 1e-9);
        }
    }

    @Test
    void managementInformationOutranksATranscribedFigureAndTheNewerReleaseWinsWithinAClass() {
        try (Warehouse w = fourSources()) {
            w.execute("DELETE FROM observation_fact WHERE load_id = 2");
            assertEquals(8.0, number(w, "SELECT value FROM observations WHERE area_code = '" + BCP + "'"), 1e-9);
            w.execute("DELETE FROM observation_fact WHERE load_id = 4");
            assertEquals(7.0, number(w, "SELECT value FROM observations WHERE area_code = '" + BCP + "'"), 1e-9);
            // two official releases of the same period: the later release date wins
            w.execute("INSERT INTO load_log VALUES (6, 'dfe-ehcp', 'dfe-ehcp|2025', 'sen2-2025.zip', 'e', '2025-05', now(), "
                    + "now(), 1, 0, 'loaded', NULL), (7, 'dfe-ehcp', 'dfe-ehcp|2022b', 'sen2-2022b.zip', 'f', '2022-06-30', now(), "
                    + "now(), 1, 0, 'loaded', NULL)");
            w.execute("INSERT INTO observation_fact VALUES ('" + BCP + "', NULL, 'local_authority', 'pct_on_time', 'total', "
                    + "'calendar_year', '2022', DATE '2022-01-01', DATE '2022-12-31', 6.9, 'reported', 'dfe-ehcp', '2025-05', 6), "
                    + "('" + BCP + "', NULL, 'local_authority', 'pct_on_time', 'total', 'calendar_year', '2022', DATE '2022-01-01', "
                    + "DATE '2022-12-31', 6.5, 'reported', 'dfe-ehcp', '2022-06-30', 7)");
            assertEquals(6.9, number(w, "SELECT value FROM observations WHERE area_code = '" + BCP + "'"), 1e-9);
            assertEquals("2025-05-01", text(w, "SELECT CAST(release_date AS VARCHAR) FROM loads WHERE load_id = 6"));
            assertEquals("official", text(w, "SELECT source_class FROM loads WHERE load_id = 6"));
            assertEquals("synthetic", text(w, "SELECT source_class FROM loads WHERE load_id = 5"));
            assertNull(text(w, "SELECT CAST(release_date AS VARCHAR) FROM loads WHERE load_id = 5"));
        }
    }

    @Test
    void aSyntheticLaIsShownButNeverRankedWithRealOnes() {
        try (Warehouse w = fourSources()) {
            // the fictional LA keeps its own figure; the demo's England figure is not England's
            assertEquals(30.0, number(w, "SELECT value FROM observations WHERE area_code = 'E06999999'"), 1e-9);
            assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E92000001'"));
            // ranked: BCP (6.7) and Ashby (50.0), both SEN2; the synthetic LA is in neither's pool
            assertEquals(2, w.count("SELECT n_ranked FROM benchmark_comparison WHERE area_code = '" + BCP + "'"));
            assertEquals(2, w.count("SELECT rank FROM benchmark_comparison WHERE area_code = '" + BCP + "'"));
            assertNull(text(w, "SELECT CAST(rank AS VARCHAR) FROM benchmark_comparison WHERE area_code = 'E06999999'"));
            BenchmarkComparison.Row r = BenchmarkComparison.of(w, "pct_on_time", BCP).get(0);
            assertEquals(2, r.rank());
            assertEquals(2, r.nRanked());
            assertNull(BenchmarkComparison.of(w, "pct_on_time", "E06999999").get(0).rank());
        }
    }

    @Test
    void compareKeepsEachKindOfPeriodAsItsOwnSeries() {
        try (Warehouse w = fourSources()) {
            // BCP's scorecard months either side of the calendar year: Dec-22 ends on the year's last day
            Fixtures.month(w, BCP, "pct_on_time", "Nov-22", "2022-11-01", "2022-11-30", 10.0);
            Fixtures.month(w, BCP, "pct_on_time", "Dec-22", "2022-12-01", "2022-12-31", 12.0);
            Fixtures.month(w, BCP, "pct_on_time", "Jan-23", "2023-01-01", "2023-01-31", 14.0);
            Table t = BenchmarkComparison.table(BenchmarkComparison.of(w, "pct_on_time", BCP));
            assertEquals(List.of("calendar_year", "month", "month", "month"), t.stringColumn("period_kind").asList());
            assertEquals(List.of("2022", "Nov-22", "Dec-22", "Jan-23"), t.stringColumn("period_label").asList());
            // a month's change is on the month before, never on the calendar year
            assertEquals(2.0, t.doubleColumn("change_previous").getDouble(2), 1e-9);
            assertEquals(2.0, t.doubleColumn("change_previous").getDouble(3), 1e-9);
            // the months have no England or neighbour figure to stand beside: SEN2's calendar year is not one
            assertEquals(true, t.doubleColumn("england").isMissing(1));
        }
    }

    private static double number(Warehouse w, String sql) {
        try (var s = w.connection().createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(Warehouse w, String sql) {
        try (var s = w.connection().createStatement(); var rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}

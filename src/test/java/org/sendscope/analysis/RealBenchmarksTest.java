package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * Benchmarks of three real LAs — BCP (839), Hull (810), Bedford (822) — from the published SEN2
 * releases and DfE's statistical neighbours (May 2025), checked against figures worked out by
 * hand from the shared files, and the view against the Java for every LA.
 *
 * <p>Hand working. Neighbours (sn_may_2025.xlsx, SN1…SN10):
 * BCP 839: 822 882 886 878 826 303 938 926 845 881;
 * Hull 810: 333 336 861 335 812 354 806 371 831 372;
 * Bedford 822: 303 826 941 311 937 839 886 935 881 866.
 *
 * <p><b>20-week timeliness including exceptions, calendar year 2022</b> (2025 release,
 * timeliness_20_week.csv, "All EHC plans issued", pc_plans_issued_within_20_weeks). 152 LA rows,
 * five are 'x' (Norfolk, Tower Hamlets, Havering, West Berkshire, Isles of Scilly), so 147 ranked.
 * Sorted, type-7 quartiles at positions 1 + 146p: Q1 = 32.0, Q2 = 51.0, Q3 = 75.1.
 * <ul>
 *   <li>BCP 6.7: 143 LAs are higher, rank 144; 6.7 &lt;= 32.0, lowest range, higher is better → D.
 *       Neighbours 77.2, 71.7, 40.9, 11.8, 85.2, 82.6, 16.5, x (Norfolk 926), 87.6, 10.7:
 *       sum 484.2 over 9 = 53.8; median of 9 = 71.7.</li>
 *   <li>Hull 27.1: rank 120, D (27.1 &lt;= 32.0). Neighbours 49.1, 24.5, 62.7, 9.0, 21.1, 90.7,
 *       59.9, 71.6, 25.3, 51.4: sum 465.3 / 10 = 46.53; median (49.1 + 51.4) / 2 = 50.25.</li>
 *   <li>Bedford 77.2: rank 34; 77.2 &gt; 75.1, highest range → A. Neighbours 82.6, 85.2, 10.0,
 *       x (Havering 311), 56.2, 6.7, 40.9, 22.7, 10.7, 71.9: sum 386.9 / 9 = 42.99; median 40.9.</li>
 * </ul>
 *
 * <p><b>Growth in EHC plans, January 2022 → January 2023</b> (2025 release, caseload.csv, "All EHC
 * plans", ehcplans; neutral, so ranked highest first). 152 LAs; Q1 = 5.81, Q2 = 8.99, Q3 = 12.34.
 * <ul>
 *   <li>BCP 3,063 → 3,266: +6.63%; rank 104; (5.81, 8.99] → second range, highest first → C.
 *       Neighbours' growth 11.10, 6.79, 6.76, 5.98, −2.13, 8.48, 13.33, 0.74, 8.94, 4.66: mean 6.46.</li>
 *   <li>Hull 2,402 → 2,595: +8.03%; rank 90; C. Neighbours' mean 11.89.</li>
 *   <li>Bedford 1,486 → 1,651: +11.10%; rank 51; (8.99, 12.34] → B. Neighbours' mean 6.60.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedWarehouse.class)
class RealBenchmarksTest {
    Path file;

    @BeforeAll
    void load(@SharedWarehouse.Copy(Contents.SEN2_NEIGHBOURS) Path copy) {
        // Both SEN2 releases (load dfe-ehcp 2022 2025), then the neighbours mapped with their areas.
        file = copy;
    }

    record Expected(String area, String measure, String period, double value, int rank, int nRanked, String quartile,
                    double snMean, int snN) {
    }

    private static final List<Expected> BY_HAND = List.of(
            new Expected("E06000058", "ehc_20wk_pct_incl_exc", "2022", 6.7, 144, 147, "D", 53.8, 9),
            new Expected("E06000010", "ehc_20wk_pct_incl_exc", "2022", 27.1, 120, 147, "D", 46.53, 10),
            new Expected("E06000055", "ehc_20wk_pct_incl_exc", "2022", 77.2, 34, 147, "A", 386.9 / 9, 9),
            new Expected("E06000058", "ehc_plans_growth_1y_pct", "202223", 6.627, 104, 152, "C", 6.465, 10),
            new Expected("E06000010", "ehc_plans_growth_1y_pct", "202223", 8.035, 90, 152, "C", 11.888, 10),
            new Expected("E06000055", "ehc_plans_growth_1y_pct", "202223", 11.104, 51, 152, "B", 6.597, 10));

    @Test
    void threeLasRankBandAndNeighboursAsWorkedOutByHand() throws Exception {
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            for (Expected e : BY_HAND) {
                String what = e.area() + " " + e.measure() + " " + e.period();
                BenchmarkComparison.Row j = BenchmarkComparison.of(w, e.measure(), e.area()).stream()
                        .filter(r -> r.periodLabel().equals(e.period())).findFirst().orElseThrow(() -> new AssertionError(what));
                assertEquals(e.value(), j.value(), 0.001, what);
                assertEquals(e.rank(), j.rank(), what);
                assertEquals(e.nRanked(), j.nRanked(), what);
                assertEquals(e.quartile(), j.quartile(), what);
                assertEquals(e.snMean(), j.snMean(), 0.001, what);
                assertEquals(e.snN(), j.snN(), what);
                try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT value, rank, n_ranked, quartile, sn_mean, sn_n FROM benchmark_comparison WHERE measure = '"
                                + e.measure() + "' AND area_code = '" + e.area() + "' AND period_label = '" + e.period() + "'")) {
                    assertTrue(rs.next(), what);
                    assertEquals(e.value(), rs.getDouble(1), 0.001, what);
                    assertEquals(e.rank(), rs.getInt(2), what);
                    assertEquals(e.nRanked(), rs.getInt(3), what);
                    assertEquals(e.quartile(), rs.getString(4), what);
                    assertEquals(e.snMean(), rs.getDouble(5), 0.001, what);
                    assertEquals(e.snN(), rs.getInt(6), what);
                }
            }
        }
    }

    @Test
    void theViewAgreesWithTheJavaForEveryLaOnBothMeasures() throws Exception {
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            int rows = 0;
            for (String measure : List.of("ehc_20wk_pct_incl_exc", "ehc_plans_growth_1y_pct")) {
                List<String> las;
                try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT DISTINCT area_code FROM analysis_observations WHERE level = 'local_authority' AND measure = '"
                                + measure + "'")) {
                    las = new java.util.ArrayList<>();
                    while (rs.next()) las.add(rs.getString(1));
                }
                java.util.Map<String, Object[]> view = new java.util.HashMap<>();
                try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT area_code, period_kind, period_label, rank, quartile, sn_mean, sn_n, england, change_previous "
                                + "FROM benchmark_comparison WHERE measure = '" + measure + "' AND breakdown = 'total'")) {
                    while (rs.next()) {
                        view.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), new Object[] {
                                rs.getObject(4), rs.getString(5), rs.getObject(6), rs.getInt(7), rs.getObject(8), rs.getObject(9)});
                    }
                }
                for (String la : las) {
                    for (BenchmarkComparison.Row j : BenchmarkComparison.of(w, measure, la)) {
                        String what = measure + " " + la + " " + j.periodLabel();
                        Object[] v = view.get(la + "|" + j.periodKind() + "|" + j.periodLabel());
                        assertTrue(v != null, what);
                        assertEquals(j.rank(), v[0] == null ? null : ((Number) v[0]).intValue(), what);
                        assertEquals(j.quartile(), v[1], what);
                        same(j.snMean(), v[2], what + " sn_mean");
                        assertEquals(j.snN(), v[3], what);
                        same(j.england(), v[4], what + " england");
                        same(j.changePrevious(), v[5], what + " change");
                        rows++;
                    }
                }
            }
            assertTrue(rows > 1000, "compared " + rows);
        }
    }

    private static void same(Double java, Object sql, String what) {
        if (java == null) assertNull(sql, what);
        else assertEquals(java, ((Number) sql).doubleValue(), 1e-9, what);
    }

    @Test
    void bcpIsNotRankedBeforeItExisted() throws Exception {
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            // Bournemouth (837) and Poole (836) have January 2019 counts; BCP has none before January 2020.
            assertEquals(0, w.count("SELECT count(*) FROM benchmark_comparison WHERE area_code = 'E06000058' "
                    + "AND measure = 'ehc_plans' AND breakdown = 'total' AND period_end < DATE '2019-04-01'"));
            assertEquals(0, w.count("SELECT count(*) FROM benchmark_comparison WHERE area_code = 'E06000028' "
                    + "AND rank IS NOT NULL AND period_end > DATE '2019-03-31'"));
        }
    }
}

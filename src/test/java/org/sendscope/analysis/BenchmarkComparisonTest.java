package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

class BenchmarkComparisonTest {

    private static final String[] LAS = {"E06000901", "E06000902", "E06000903", "E06000904", "E06000905"};

    /** Two measures over three calendar years; BCP has no 2022 value of pct_on_time. */
    private static Warehouse benchmarks() {
        Warehouse w = Fixtures.small();
        double[][] onTime = {{12, 22, 18, 35, 41}, {11, 25, 19, 30, 39}, {10, 20, 20, 30, 40}};
        double[][] backlog = {{200, 150, 90, 400, 120}, {210, 150, 95, 380, 100}, {190, 160, 160, 350, 80}};
        for (int y = 0; y < 3; y++) {
            int year = 2021 + y;
            for (int i = 0; i < LAS.length; i++) {
                Fixtures.calendarYear(w, LAS[i], "local_authority", "pct_on_time", year, onTime[y][i]);
                Fixtures.calendarYear(w, LAS[i], "local_authority", "backlog", year, backlog[y][i]);
            }
            Fixtures.calendarYear(w, Fixtures.ENGLAND, "england", "pct_on_time", year, 30.0 + y);
            Fixtures.calendarYear(w, Fixtures.SOUTH_WEST, "region", "pct_on_time", year, 26.0 + y);
            Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "backlog", year, 170.0 - 10 * y);
        }
        Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "pct_on_time", 2021, 15.0);
        Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "pct_on_time", 2023, 25.0);
        // Bournemouth ceased on 31 March 2019: a value for 2023 is not ranked.
        Fixtures.calendarYear(w, "E06000028", "local_authority", "pct_on_time", 2023, 99.0);
        return w;
    }

    @Test
    void bcpIn2023ByHand() {
        try (Warehouse w = benchmarks()) {
            BenchmarkComparison.Row r = BenchmarkComparison.of(w, "pct_on_time", Fixtures.BCP).stream()
                    .filter(x -> x.periodLabel().equals("2023")).findFirst().orElseThrow();
            assertEquals(25.0, r.value());
            assertEquals(32.0, r.england());
            assertEquals(28.0, r.region());
            // Neighbours 901-904 in 2023: 10, 20, 20, 30 -> mean 20, 4 with data: too few for a
            // median (no median from fewer than 5, issue 12), so none is shown.
            assertEquals(20.0, r.snMean());
            assertNull(r.snMedian());
            assertEquals(4, r.snN());
            assertEquals(5.0, r.gapSnMean());
            // Ranked (Bournemouth's 99 left out): 40, 30, 25, 20, 20, 10 -> BCP third of six.
            assertEquals(3, r.rank());
            assertEquals(6, r.nRanked());
            // Type-7 quartiles of 10, 20, 20, 25, 30, 40: 20, 22.5, 28.75; 25 is in (22.5, 28.75] -> B.
            assertEquals("B", r.quartile());
            // 2022 is missing, so there is no change on the previous year.
            assertNull(r.previousLabel());
            assertNull(r.changePrevious());
        }
    }

    @Test
    void theViewAgreesWithTheJavaOnEveryLaMeasureAndYear() throws Exception {
        try (Warehouse w = benchmarks()) {
            int compared = 0;
            for (String measure : List.of("pct_on_time", "backlog")) {
                for (String area : List.of(LAS[0], LAS[1], LAS[2], LAS[3], LAS[4], Fixtures.BCP, "E06000028")) {
                    for (BenchmarkComparison.Row j : BenchmarkComparison.of(w, measure, area)) {
                        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                                "SELECT * FROM benchmark_comparison WHERE measure = '" + measure + "' AND area_code = '"
                                        + area + "' AND period_label = '" + j.periodLabel() + "'")) {
                            assertTrue(rs.next(), measure + " " + area + " " + j.periodLabel());
                            String where = measure + " " + area + " " + j.periodLabel();
                            same(j.value(), rs.getObject("value"), where + " value");
                            same(j.england(), rs.getObject("england"), where + " england");
                            same(j.region(), rs.getObject("region"), where + " region");
                            same(j.snMean(), rs.getObject("sn_mean"), where + " sn_mean");
                            same(j.snMedian(), rs.getObject("sn_median"), where + " sn_median");
                            assertEquals(j.snN(), rs.getInt("sn_n"), where + " sn_n");
                            same(j.gapEngland(), rs.getObject("gap_england"), where + " gap_england");
                            same(j.gapSnMedian(), rs.getObject("gap_sn_median"), where + " gap_sn_median");
                            assertEquals(j.rank(), (Integer) asInt(rs.getObject("rank")), where + " rank");
                            assertEquals(j.nRanked(), (Integer) asInt(rs.getObject("n_ranked")), where + " n_ranked");
                            assertEquals(j.quartile(), rs.getString("quartile"), where + " quartile");
                            assertEquals(j.previousLabel(), rs.getString("previous_label"), where + " previous");
                            same(j.changePrevious(), rs.getObject("change_previous"), where + " change");
                            compared++;
                        }
                    }
                }
            }
            assertEquals(2 * 3 * 5 + 3 + 2 + 1, compared);
        }
    }

    @Test
    void aCeasedLaIsShownButNotRanked() {
        try (Warehouse w = benchmarks()) {
            BenchmarkComparison.Row r = BenchmarkComparison.of(w, "pct_on_time", "E06000028").get(0);
            assertEquals(99.0, r.value());
            assertNull(r.rank());
            assertNull(r.quartile());
        }
    }

    @Test
    void incomparableMeasuresAreRefused() {
        try (Warehouse w = benchmarks()) {
            Fixtures.obs(w, Fixtures.BCP, "local_authority", "local_on_time", "month", "Mar-24", "2024-03-01",
                    "2024-03-31", 67.1, "reported");
            // local_on_time names pct_on_time as comparable: its latest benchmark year is 2023.
            BenchmarkComparison.Row r = BenchmarkComparison.against(w, "local_on_time", Fixtures.BCP, "Mar-24",
                    "pct_on_time");
            assertEquals(67.1, r.value());
            assertEquals(32.0, r.england());
            assertEquals("pct_on_time 2023", r.benchmarkMeasure());
            assertThrows(IncomparableMeasuresException.class,
                    () -> BenchmarkComparison.against(w, "pupils_with_plan", Fixtures.BCP, "2023", "backlog"));
        }
    }

    private static Integer asInt(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }

    private static void same(Double java, Object sql, String what) {
        if (java == null) {
            assertNull(sql, what);
        } else {
            assertTrue(sql != null, what + ": view has NULL, Java " + java);
            assertEquals(java, ((Number) Objects.requireNonNull(sql)).doubleValue(), 1e-9, what);
        }
    }
}

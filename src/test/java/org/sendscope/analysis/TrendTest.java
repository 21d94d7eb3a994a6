package org.sendscope.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;
import tech.tablesaw.api.Table;

class TrendTest {

    /**
     * BCP's "% of new EHCPs issued within 20 weeks (including exceptions)", Dec-23 to Mar-24, as
     * transcribed from the SEND Improvement Plan's KPI table (priority 5): 12.2, 27.9, 52.9, 67.1;
     * BCP target 95%; required direction up.
     */
    private static Warehouse twentyWeeks() {
        Warehouse w = Fixtures.small();
        Fixtures.month(w, Fixtures.BCP, "local_on_time", "Dec-23", "2023-12-01", "2023-12-31", 12.2);
        Fixtures.month(w, Fixtures.BCP, "local_on_time", "Jan-24", "2024-01-01", "2024-01-31", 27.9);
        Fixtures.month(w, Fixtures.BCP, "local_on_time", "Feb-24", "2024-02-01", "2024-02-29", 52.9);
        Fixtures.month(w, Fixtures.BCP, "local_on_time", "Mar-24", "2024-03-01", "2024-03-31", 67.1);
        return w;
    }

    @Test
    void theTwentyWeekKpiIsImprovingButRedAgainstItsTarget() {
        try (Warehouse w = twentyWeeks()) {
            Trend t = Trend.load(w, "local_on_time", Fixtures.BCP).withTarget(95.0);
            Trend.Latest now = t.latest();
            assertEquals("Mar-24", now.periodLabel());
            assertEquals(14.2, now.changePrevious(), 1e-9);              // 67.1 - 52.9
            assertEquals(DirectionOfTravel.IMPROVING, now.direction());
            assertEquals(54.9, now.changeBaseline(), 1e-9);              // 67.1 - 12.2
            assertEquals(Rag.RED, now.rag());                             // 27.9 points short, band is 5
            assertEquals(18.3, now.recentRate(), 1e-9);                  // (67.1 - 12.2) / 3
            assertEquals(2, now.periodsToTarget());                       // 27.9 / 18.3 = 1.52 -> 2 months
            Table table = t.table();
            assertEquals(4, table.rowCount());
            assertEquals(List.of("improving", "improving", "improving"),
                    table.stringColumn("direction_of_travel").asList().subList(1, 4));
        }
    }

    @Test
    void directionAndRagFollowPolarityAndTolerance() {
        assertEquals(DirectionOfTravel.FLAT, DirectionOfTravel.judge(50.0, 50.4, Polarity.HIGHER_IS_BETTER, "percent"));
        assertEquals(DirectionOfTravel.IMPROVING, DirectionOfTravel.judge(50.0, 50.6, Polarity.HIGHER_IS_BETTER, "percent"));
        assertEquals(DirectionOfTravel.WORSENING, DirectionOfTravel.judge(139.0, 183.0, Polarity.LOWER_IS_BETTER, "count"));
        assertEquals(DirectionOfTravel.FLAT, DirectionOfTravel.judge(1000.0, 1009.0, Polarity.LOWER_IS_BETTER, "count"));
        assertEquals(DirectionOfTravel.RISING, DirectionOfTravel.judge(3336.0, 3949.0, Polarity.NEUTRAL, "count"));
        assertEquals(Rag.GREEN, Rag.judge(95.0, 95.0, Polarity.HIGHER_IS_BETTER, "percent"));
        assertEquals(Rag.AMBER, Rag.judge(90.0, 95.0, Polarity.HIGHER_IS_BETTER, "percent"));
        assertEquals(Rag.RED, Rag.judge(89.9, 95.0, Polarity.HIGHER_IS_BETTER, "percent"));
        // A backlog target of 0 has no band: 110 plans waiting over 20 weeks is red.
        assertEquals(Rag.RED, Rag.judge(110.0, 0.0, Polarity.LOWER_IS_BETTER, "count"));
        assertEquals(Rag.AMBER, Rag.judge(108.0, 100.0, Polarity.LOWER_IS_BETTER, "count"));
        assertNull(Rag.judge(10.0, 5.0, Polarity.NEUTRAL, "count"));
    }

    @Test
    void theSqlMacrosJudgeTheSameWay() throws Exception {
        Object[][] cases = {
                {50.0, 50.4, "higher_is_better", "percent"}, {50.0, 50.6, "higher_is_better", "percent"},
                {139.0, 183.0, "lower_is_better", "count"}, {1000.0, 1009.0, "lower_is_better", "count"},
                {3336.0, 3949.0, "neutral", "count"}, {95.0, 95.0, "higher_is_better", "percent"},
                {95.0, 90.0, "higher_is_better", "percent"}, {95.0, 89.9, "higher_is_better", "percent"},
                {0.0, 110.0, "lower_is_better", "count"}, {100.0, 108.0, "lower_is_better", "count"},
                {5.0, 10.0, "neutral", "count"}};
        try (Warehouse w = Warehouse.inMemory(); Statement s = w.connection().createStatement()) {
            for (Object[] c : cases) {
                String sql = "SELECT direction_of_travel(" + c[0] + ", " + c[1] + ", '" + c[2] + "', '" + c[3] + "'), "
                        + "rag_rating(" + c[1] + ", " + c[0] + ", '" + c[2] + "', '" + c[3] + "')";
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    Polarity p = Polarity.of((String) c[2]);
                    DirectionOfTravel d = DirectionOfTravel.judge((Double) c[0], (Double) c[1], p, (String) c[3]);
                    Rag r = Rag.judge((Double) c[1], (Double) c[0], p, (String) c[3]);
                    assertEquals(d == null ? null : d.code(), rs.getString(1), sql);
                    assertEquals(r == null ? null : r.code(), rs.getString(2), sql);
                }
            }
        }
    }

    @Test
    void theViewsAgreeWithTheJavaTrend() throws Exception {
        try (Warehouse w = twentyWeeks()) {
            // A calendar-year series with a gap (2020 missing) and a suppressed year: no change across the gap.
            Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "backlog", 2019, 300.0);
            Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "backlog", 2021, 250.0);
            Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "backlog", 2022, null);
            Fixtures.calendarYear(w, Fixtures.BCP, "local_authority", "backlog", 2023, 180.0);
            for (String measure : List.of("local_on_time", "backlog")) {
                Table java = Trend.load(w, measure, Fixtures.BCP).table();
                try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT period_label, value, previous_value, change_previous, direction_of_travel, baseline_value, "
                                + "change_baseline, direction_of_travel_baseline FROM kpi_trend WHERE measure = '" + measure
                                + "' AND area_code = '" + Fixtures.BCP + "' ORDER BY period_start")) {
                    int i = 0;
                    while (rs.next()) {
                        assertEquals(java.stringColumn("period_label").get(i), rs.getString(1));
                        for (String col : List.of("value", "previous_value", "change_previous", "baseline_value",
                                "change_baseline")) {
                            double v = java.doubleColumn(col).getDouble(i);
                            Double sql = (Double) rs.getObject(col);
                            if (Double.isNaN(v)) assertNull(sql, measure + " " + col + " row " + i);
                            else assertEquals(v, sql, 1e-9, measure + " " + col + " row " + i);
                        }
                        assertEquals(java.stringColumn("direction_of_travel").get(i), blank(rs.getString("direction_of_travel")));
                        assertEquals(java.stringColumn("direction_of_travel_baseline").get(i), blank(rs.getString("direction_of_travel_baseline")));
                        i++;
                    }
                    assertEquals(java.rowCount(), i);
                }
            }
            Trend.Latest backlog = Trend.load(w, "backlog", Fixtures.BCP).latest();
            assertEquals("2023", backlog.periodLabel());
            assertNull(backlog.changePrevious(), "2022 was suppressed");
            assertEquals(-120.0, backlog.changeBaseline(), 1e-9);
            assertEquals(-60.0, backlog.recentRate(), 1e-9);             // (180 - 300) / 2 changes between valued years
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT period_label, recent_rate FROM kpi_latest WHERE measure = 'backlog'")) {
                rs.next();
                assertEquals("2023", rs.getString(1));
                assertEquals(-60.0, rs.getDouble(2), 1e-9);
            }
        }
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    @Test
    void targetsFromKpiTargetsJudgeTheSameInJavaAndSql() throws Exception {
        try (Warehouse w = twentyWeeks()) {
            // The plan's KPI table: BCP target 95%, required direction up, for Dec-23 to Dec-24 — and an
            // earlier statement (made up) of 50% for 2023 that covers December 2023 only until the later one starts.
            w.execute("INSERT INTO kpi_target_fact (measure, area_code, target, target_status, direction, valid_from, "
                    + "valid_to, source, vintage, load_id) VALUES "
                    + "('local_on_time', 'E06000058', 95, 'reported', 'up', DATE '2023-12-01', DATE '2024-12-31', 'test', 'v1', 1), "
                    + "('local_on_time', 'E06000058', 50, 'reported', 'up', DATE '2023-01-01', DATE '2023-12-31', 'test', 'v0', 1)");
            Trend t = Trend.load(w, "local_on_time", Fixtures.BCP);
            Trend.Latest now = t.latest();
            assertEquals(95.0, now.target());
            assertEquals(Rag.RED, now.rag());
            assertEquals(2, now.periodsToTarget());
            Table table = t.table();
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT period_label, target, rag FROM kpi_trend WHERE measure = 'local_on_time' ORDER BY period_start")) {
                int i = 0;
                while (rs.next()) {
                    assertEquals(table.doubleColumn("target").getDouble(i), rs.getDouble(2), 1e-9, rs.getString(1));
                    assertEquals(table.stringColumn("rag").get(i), rs.getString(3), rs.getString(1));
                    i++;
                }
                assertEquals(4, i);
            }
            // December 2023 is covered by both statements: the later span (from 1 December) wins.
            assertEquals(95.0, table.doubleColumn("target").getDouble(0));
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT target, rag, meets_target, recent_rate, periods_to_target, required_direction, direction "
                            + "FROM kpi_latest WHERE measure = 'local_on_time' AND area_code = 'E06000058'")) {
                rs.next();
                assertEquals(95.0, rs.getDouble(1));
                assertEquals("red", rs.getString(2));
                assertEquals(false, rs.getBoolean(3));
                assertEquals(now.recentRate(), rs.getDouble(4), 1e-9);
                assertEquals(now.periodsToTarget(), rs.getInt(5));
                assertEquals("up", rs.getString(6));
                assertEquals("up", rs.getString(7));
            }
        }
    }
}

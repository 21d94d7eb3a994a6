package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;

/**
 * Where the papers print the officers' answer to a public question and the warehouse holds the
 * data behind it, {@code sendscope ask} gives the same answer. The data: the two SEN2 releases and
 * BCP's two papers loaded by {@code load paper}; the answers: the
 * minutes of the Children's Services Overview and Scrutiny Committee of 23 January 2024 (in the
 * July 2024 agenda pack) and the improvement plan's KPI table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedWarehouse.class)
class OfficersAnswersTest {
    private static final String BCP = "E06000058";
    Path warehouse;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** The two SEN2 releases and BCP's two papers, each loaded by its {@code sendscope load} command. */
    @BeforeAll
    void load(@SharedWarehouse.Copy(Contents.SEN2_PAPERS) Path copy) {
        warehouse = copy;
    }

    private String ask(String question, String asOf) {
        CliRun r = run("ask", question, "--area", BCP, "--as-of", asOf, "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void everyQuestionAnswersForBcpWithItsSources() {
        // A question whose SQL does not run (a comment after its ';' once hid the end of one) fails here.
        for (var q : org.sendscope.analysis.ScrutinyQuestion.all()) {
            String out = ask(q.name(), "2024-03-31");
            assertTrue(out.contains("Bournemouth, Christchurch and Poole"), q.name() + ": " + out);
        }
    }

    @Test
    void twentyWeekTimelinessAsAtDecember2023() {
        // "12.2% as at Dec 23 (From 2nd Sept/Schools Return)"
        String a = ask("twenty_week_timeliness", "2023-12-31");
        assertTrue(a.contains("this academic year to date (local scorecard) Dec 2023: 12.2%"), a);
        // SEN2 2022 for the comparison: BCP 6.7%, England 47.7% (the SIB scorecard's "47.7% (2022)").
        assertTrue(a.contains("2022: 6.7% — England 47.7%"), a);
        assertTrue(a.contains("Sources:") && a.contains("bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt"), a);
    }

    @Test
    void averageCompletionTimeInDecember2023() {
        // "In Dec 23 actual timeframe was 36.7wks."
        assertTrue(ask("average_weeks_to_issue", "2023-12-31").contains("latest month (Dec 2023): 36.7 weeks"));
    }

    @Test
    void requestsRefusedSoFarThisAcademicYear() {
        // "So far, this academic year (Sept – Dec 2023), 53.4% ... 124 declines out of 232 requests."
        String a = ask("requests_refused", "2023-12-31");
        assertTrue(a.contains("124 of 232 requests refused, 53.4%"), a);
        // "we are currently investigating the state of play in 2022 so that we can provide a like for like comparison"
        assertTrue(a.contains("so no refusal rate can be given"), a);
    }

    @Test
    void backlogsInMarch2024() {
        // Improvement plan, priority 5 KPIs, Mar-24: 110 plans waiting over 20 weeks (139 in Feb-24), target 0;
        // 1030 annual reviews not finalised (1216 in Feb-24), target 0.
        String a = ask("assessment_backlog", "2024-03-31");
        assertTrue(a.contains("Mar-24: 110 (139 in Feb-24: improving); target 0, RED"), a);
        String r = ask("annual_review_backlog", "2024-03-31");
        assertTrue(r.contains(": 1,030 (1,216 in ") && r.contains(": improving); target 0, RED"), r);
    }

    @Test
    void mainstreamShareInDecember2023() {
        // "Children with EHCPs within mainstream are currently at 37.1%" (the plan's Dec-23 KPI).
        String a = ask("mainstream_share", "2023-12-31");
        assertTrue(a.contains("37.1%"), a);
    }

    @Test
    void theJavaTrendAgreesWithKpiTrendOnEveryMeasureOfBcp() throws Exception {
        try (org.sendscope.warehouse.Warehouse w = org.sendscope.warehouse.Warehouse.openReadOnly(warehouse);
             java.sql.Statement s = w.connection().createStatement()) {
            // kpi_trend read once for every BCP series (one query per series took most of this test's time).
            java.util.Map<String, java.util.List<Object[]>> bySeries = new java.util.LinkedHashMap<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT measure, period_kind, period_label, change_previous, "
                    + "direction_of_travel, target, rag FROM kpi_trend WHERE area_code = '" + BCP + "' AND breakdown = 'total' "
                    + "ORDER BY measure, period_kind, period_start, period_end")) {
                while (rs.next()) {
                    bySeries.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new java.util.ArrayList<>())
                            .add(new Object[] {rs.getString(3), rs.getObject(4), rs.getString(5), rs.getObject(6), rs.getString(7)});
                }
            }
            int rows = 0;
            int withTarget = 0;
            for (var e : bySeries.entrySet()) {
                String[] m = e.getKey().split("\\|");
                tech.tablesaw.api.Table t = org.sendscope.analysis.Trend.load(w, m[0], BCP, "total", m[1]).table();
                int i = 0;
                for (Object[] r : e.getValue()) {
                    String what = m[0] + " " + m[1] + " " + r[0];
                    assertEquals(t.stringColumn("period_label").get(i), r[0], what);
                    double change = t.doubleColumn("change_previous").getDouble(i);
                    if (Double.isNaN(change)) assertEquals(null, r[1], what);
                    else assertEquals(change, ((Number) r[1]).doubleValue(), 1e-9, what);
                    assertEquals(t.stringColumn("direction_of_travel").get(i), nz((String) r[2]), what);
                    double target = t.doubleColumn("target").getDouble(i);
                    if (Double.isNaN(target)) assertEquals(null, r[3], what);
                    else {
                        assertEquals(target, ((Number) r[3]).doubleValue(), 1e-9, what);
                        withTarget++;
                    }
                    assertEquals(t.stringColumn("rag").get(i), nz((String) r[4]), what);
                    i++;
                    rows++;
                }
                assertEquals(t.rowCount(), i, m[0]);
            }
            assertTrue(rows > 300 && withTarget > 50, rows + " rows, " + withTarget + " with a target");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

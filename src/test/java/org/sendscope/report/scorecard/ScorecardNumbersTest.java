package org.sendscope.report.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * BCP's scorecard as at 31 March 2024 from the shared papers, releases and plans, built with the
 * command a user types: its figures are those {@code sendscope ask kpi_scorecard} answers with and
 * the {@code kpi_trend} view holds; its CSV lists exactly what the pages show; and no small count of
 * the real papers (exclusions in the school year to date) is published, directly or by difference.
 */
@ExtendWith(SharedWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardNumbersTest {
    static final String BCP = "E06000058";
    static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);
    Path warehouse;
    Path site;
    Scorecard card;
    List<CSVRecord> csv;

    @BeforeAll
    void build(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path warehouse, @TempDir Path dir) throws Exception {
        this.warehouse = warehouse;
        this.site = dir.resolve("site");
        CliRun run = CliRun.of("report", "scorecard", "--area", BCP, "--as-of", AS_OF.toString(), "--out", site.toString(),
                "--plan", "bcp-send-improvement-2023-26", "--warehouse", warehouse.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("scorecard: 124 pages (123 KPIs), "), run.out());
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            DisclosureRules rules = DisclosureRules.standard();
            card = new ScorecardReader(w, new DisclosureControl(5, rules)).read(BCP, AS_OF,
                    "bcp-send-improvement-2023-26", null);
        }
        csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(site.resolve("scorecard.csv"))).getRecords();
    }

    @Test
    void everyKpiIsARowOfTheAnswerToAskKpiScorecard() throws Exception {
        CliRun ask = CliRun.of("ask", "kpi_scorecard", "--area", BCP, "--as-of", AS_OF.toString(), "--format", "csv",
                "--warehouse", warehouse.toString());
        assertEquals(0, ask.code(), ask.err());
        List<CSVRecord> answer = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(ask.out())).getRecords();
        Map<String, KpiRow> rows = new LinkedHashMap<>();
        for (KpiRow r : card.rows()) rows.put(r.measure() + "|" + r.latest().periodKind(), r);
        assertEquals(answer.size(), rows.size());
        assertEquals(123, rows.size());
        for (CSVRecord a : answer) {
            KpiRow r = rows.get(a.get("measure") + "|" + a.get("period_kind"));
            String what = a.get("measure") + " " + a.get("period_label");
            assertEquals(a.get("period_label"), r.latest().periodLabel(), what);
            if (r.latest().isSuppressed()) {
                assertEquals("c", r.latest().shownStatus(), what);
            } else {
                assertEquals(a.get("value"), r.latest().csvValue(), what);
                assertEquals(a.get("status"), r.latest().shownStatus(), what);
                assertEquals(a.get("rag"), r.rag() == null ? "" : r.rag(), what);
            }
            assertEquals(a.get("target").isEmpty() ? null : Double.valueOf(a.get("target")), r.target(), what);
        }
        // as the papers print them: BCP's annual review backlog, March 2024, and 20-week timeliness against 95%
        KpiRow backlog = rows.get("annual_review_backlog|month");
        assertEquals("1,030", backlog.latest().text());
        assertEquals("improving", backlog.shownTravel());
        assertEquals("1,216", backlog.previous().text());
        KpiRow twenty = rows.get("ehc_20wk_pct_incl_exc|month");
        assertEquals("67.1%", twenty.latest().text());
        assertEquals("95.0%", twenty.targetText());
        assertEquals("red", twenty.shownRag());
    }

    @Test
    void everySeriesIsTheKpiTrendView() throws Exception {
        // the view itself, one query for the LA: each period end's figure (a value over a marker, the latest vintage)
        Map<String, List<String>> view = new LinkedHashMap<>();
        try (Warehouse w = Warehouse.openReadOnly(warehouse);
             PreparedStatement p = w.connection().prepareStatement("SELECT measure, period_kind, period_end, value, status "
                     + "FROM kpi_trend WHERE area_code = ? AND breakdown = 'total' AND period_end <= ? "
                     + "QUALIFY row_number() OVER (PARTITION BY measure, period_kind, period_end "
                     + "ORDER BY (value IS NULL), vintage DESC) = 1 ORDER BY measure, period_kind, period_end")) {
            p.setString(1, BCP);
            p.setDate(2, Date.valueOf(AS_OF));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "|" + rs.getString(2);
                    String end = rs.getDate(3).toString();
                    double v = rs.getDouble(4);
                    String text = end + "=" + (rs.wasNull() ? rs.getString(5) : Double.toString(v));
                    view.computeIfAbsent(key, k -> new ArrayList<>()).add(text);
                }
            }
        }
        for (KpiRow r : card.rows()) {
            List<String> page = new ArrayList<>();
            for (Figure f : r.series()) {
                page.add(f.periodEnd() + "=" + (f.rawValue() == null ? f.shownStatus() : Double.toString(f.rawValue())));
            }
            assertEquals(view.get(r.measure() + "|" + r.latest().periodKind()), page, r.key());
        }
    }

    @Test
    void theCsvHoldsExactlyTheFiguresShown() throws Exception {
        assertEquals(card.shownFigures().size(), csv.size());
        assertEquals(List.of("measure", "title", "area_code", "area_name", "role", "breakdown", "period", "period_kind",
                "period_end", "value", "unit", "status", "source", "vintage", "load_id", "headline", "target", "rag",
                "direction_of_travel"), ScorecardSite.CSV_COLUMNS);
        // the headline row carries what the summary shows beside it: 1,030 against 0, red, improving
        CSVRecord backlog = csv.stream().filter(r -> r.get("measure").equals("annual_review_backlog")
                && r.get("headline").equals("true")).findFirst().orElseThrow();
        assertEquals(List.of("March 24", "1030", "0", "red", "improving"), List.of(backlog.get("period"),
                backlog.get("value"), backlog.get("target"), backlog.get("rag"), backlog.get("direction_of_travel")));
        assertEquals(card.rows().size(), csv.stream().filter(r -> r.get("headline").equals("true")).count());
        // the 20-week timeliness page shows England's 49.2% (2022/23) and the neighbours' 36.4% (2022), as the pack prints
        String page = Files.readString(site.resolve("kpi/ehc_20wk_pct_incl_exc.html"));
        assertTrue(page.contains("49.2%") && page.contains("36.4%"), "benchmarks on the page");
        CSVRecord england = csv.stream().filter(r -> r.get("measure").equals("ehc_20wk_pct_incl_exc")
                && r.get("role").equals("england")).findFirst().orElseThrow();
        assertEquals("49.2", england.get("value"));
        assertEquals("2022/23", england.get("period"));
        // every figure on a KPI page's series table is a CSV row of that measure
        for (KpiRow r : card.rows()) {
            long rowsOfIt = csv.stream().filter(x -> x.get("measure").equals(r.measure())
                    && x.get("period_kind").equals(r.latest().periodKind()) && x.get("role").equals("value")).count();
            assertEquals(r.series().size(), rowsOfIt, r.key());
        }
    }

    @Test
    void noSmallCountOfThePapersIsPublishedDirectlyOrByDifference() {
        for (CSVRecord r : csv) {
            if (!"count".equals(r.get("unit")) || r.get("value").isEmpty()) continue;
            double v = Double.parseDouble(r.get("value"));
            assertFalse(v > 0 && v < 5, "a count below 5 published: " + r);
        }
        // the pack's pupils permanently excluded in the school year to date, primary: 5 at HT2 23/24, 7 at HT3
        // — the 7 would say 2 pupils were excluded in half term 3, so it is c, and so is its rate
        assertEquals("5", value("excluded_primary", "HT2 23/24"));
        assertEquals("", value("excluded_primary", "HT3 23/24"));
        assertEquals("c", status("excluded_primary", "HT3 23/24"));
        assertEquals("c", status("excluded_primary_rate", "HT3 23/24"));
        // 2 pupils with an EHC plan (primary) at HT3: the count and its rate of 0.2
        assertEquals("c", status("excluded_ehcp_primary", "HT3 23/24"));
        assertEquals("c", status("excluded_ehcp_primary_rate", "HT3 23/24"));
        // the secondary series rises by at least 5 each time and is shown: 34 then 65
        assertEquals("65", value("excluded_secondary", "HT3 23/24"));
        KpiRow excluded = card.rows().stream().filter(r -> r.measure().equals("excluded_primary")).findFirst().orElseThrow();
        assertNull(excluded.shownTravel(), "no direction of travel against a hidden figure");
    }

    @Test
    void theActionPlanIsItsSnapshotsSummary() {
        ActionPlanSummary a = card.actions();
        // no snapshot on or before 31 March 2024: the plan's first, v1.2 of 12 April 2024 (138 actions, 3 not started)
        assertEquals(LocalDate.of(2024, 4, 12), a.snapshot());
        assertEquals(138, a.total());
        assertEquals(3, a.statuses().stream().filter(s -> s.status().equals("not_started")).findFirst().orElseThrow().n());
    }

    @Test
    void mistakesAreOneLineAndExitOne(@TempDir Path dir) {
        CliRun plan = CliRun.of("report", "scorecard", "--area", BCP, "--as-of", "2024-03-31", "--out", dir.toString(),
                "--plan", "no-such-plan", "--warehouse", warehouse.toString());
        assertEquals(1, plan.code());
        assertTrue(plan.err().contains("no action plan 'no-such-plan'"), plan.err());
        CliRun threshold = CliRun.of("report", "scorecard", "--area", BCP, "--as-of", "2024-03-31", "--out", dir.toString(),
                "--threshold", "0", "--warehouse", warehouse.toString());
        assertEquals(1, threshold.code());
        CliRun area = CliRun.of("report", "scorecard", "--area", "BCP", "--as-of", "2024-03-31", "--out", dir.toString(),
                "--warehouse", warehouse.toString());
        assertEquals(1, area.code());
        assertTrue(area.err().startsWith("sendscope: --area"), area.err());
    }

    private String value(String measure, String period) {
        return row(measure, period).get("value");
    }

    private String status(String measure, String period) {
        return row(measure, period).get("status");
    }

    private CSVRecord row(String measure, String period) {
        return csv.stream().filter(r -> r.get("measure").equals(measure) && r.get("period").equals(period)
                && r.get("role").equals("value")).findFirst().orElseThrow(() -> new AssertionError(measure + " " + period));
    }
}

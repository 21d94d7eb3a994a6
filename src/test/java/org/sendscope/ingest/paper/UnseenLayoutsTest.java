package org.sendscope.ingest.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.warehouse.Warehouse;

/**
 * Four hand-written papers in the layouts real committee papers come in and the extractor was
 * not first written for (beside unseen-dashboard.txt; made-up councils and figures): a table
 * broken by a page break without its header repeated (or with its header the last line of a
 * page), a free-text notes column (named, with a long header, or not named at all), empty cells
 * for periods not yet recorded (or dropped), section headings and a spacer row inside a table,
 * quarters, and KPI names abbreviated ("AR backlog", "6 wk decision", "EP timeliness"). Every value of each paper is listed here as the paper prints it: KPI, area,
 * period (label and first day) and value or status; the load must find exactly these.
 */
class UnseenLayoutsTest {
    static final String AREA = "E10000014"; // any county code will do: the figures are made up

    static SourceFile fixture(String name) throws Exception {
        return SourceFile.of(Path.of(UnseenLayoutsTest.class.getResource(name).toURI()));
    }

    /** Every observation of the warehouse as "measure | area | period label | period start | value or status", sorted. */
    static List<String> observations(Warehouse w) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT measure, area_code, "
                + "period_label, period_start, value, status FROM observation_fact ORDER BY measure, area_code, period_start")) {
            while (rs.next()) {
                double v = rs.getDouble(5);
                String value = rs.wasNull() ? rs.getString(6) : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
                out.add(String.join(" | ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), value));
            }
        }
        return out.stream().sorted().toList();
    }

    /** Every target and required direction as "measure | target | direction | line". */
    static List<String> targets(Warehouse w) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT measure, target, "
                + "direction, line FROM kpi_target_fact ORDER BY line")) {
            while (rs.next()) {
                double t = rs.getDouble(2);
                String target = rs.wasNull() ? "-" : BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
                out.add(String.join(" | ", rs.getString(1), target, String.valueOf(rs.getString(3)), rs.getString(4)));
            }
        }
        return out;
    }

    static List<String> lines(String block) {
        return block.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void aScorecardBrokenByAPageBreakWithANotesColumn() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, fixture("page-break-scorecard.txt"), AREA, "2024-09-12");
            // one table, lines 12-25: four rows before the page break (lines 17-21), three after it
            assertEquals(1, r.tables().size(), r.summary());
            assertEquals(22, r.tables().get(0).values(), r.summary());
            assertEquals(0, r.tables().get(0).statuses(), r.summary());
            assertEquals(0, r.result().rowsRejected(), r.summary());
            // the figures in the notes column (434,354; 64%; 50.3%; 46.0%; 20) are not values;
            // July's empty cells are "not recorded": no value, no status, no reject
            assertEquals(lines("""
                    ehc_plans_local | E10000014 | Apr-24 | 2024-04-01 | 2310
                    ehc_plans_local | E10000014 | May-24 | 2024-05-01 | 2334
                    ehc_plans_local | E10000014 | Jun-24 | 2024-06-01 | 2351
                    ehc_requests | E10000014 | Apr-24 | 2024-04-01 | 61
                    ehc_requests | E10000014 | May-24 | 2024-05-01 | 48
                    ehc_requests | E10000014 | Jun-24 | 2024-06-01 | 55
                    ehc_6wk_decision_pct | E10000014 | Apr-24 | 2024-04-01 | 71
                    ehc_6wk_decision_pct | E10000014 | May-24 | 2024-05-01 | 78
                    ehc_6wk_decision_pct | E10000014 | Jun-24 | 2024-06-01 | 82
                    ehc_20wk_pct_incl_exc | E10000014 | Apr-24 | 2024-04-01 | 33.3
                    ehc_20wk_pct_incl_exc | E10000014 | May-24 | 2024-05-01 | 35
                    ehc_20wk_pct_incl_exc | E10000014 | Jun-24 | 2024-06-01 | 41.2
                    ehc_20wk_pct_incl_exc | E10000014 | Jul-24 | 2024-07-01 | 44.6
                    annual_review_backlog | E10000014 | Apr-24 | 2024-04-01 | 512
                    annual_review_backlog | E10000014 | May-24 | 2024-05-01 | 498
                    annual_review_backlog | E10000014 | Jun-24 | 2024-06-01 | 470
                    annual_review_backlog | E10000014 | Jul-24 | 2024-07-01 | 455
                    ep_advice_6wk_pct | E10000014 | Apr-24 | 2024-04-01 | 58
                    ep_advice_6wk_pct | E10000014 | May-24 | 2024-05-01 | 61
                    ep_advice_6wk_pct | E10000014 | Jul-24 | 2024-07-01 | 64
                    health_advice_6wk_pct | E10000014 | Apr-24 | 2024-04-01 | 88
                    health_advice_6wk_pct | E10000014 | May-24 | 2024-05-01 | 91
                    """), observations(w));
            // 'n/a' targets are no target; the table has no direction column
            assertEquals(List.of(
                    "ehc_6wk_decision_pct | 95 | null | 15",
                    "ehc_20wk_pct_incl_exc | 60 | null | 16",
                    "annual_review_backlog | 0 | null | 23",
                    "ep_advice_6wk_pct | 90 | null | 24",
                    "health_advice_6wk_pct | 90 | null | 25"), targets(w));
            assertEquals(0, w.count("SELECT count(*) FROM measure_fact WHERE measure LIKE 'local_%'"));
        }
    }

    @Test
    void aNumberedTermlyTableBrokenByAFormFeedWithAnUnheadedNotesColumn() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, fixture("formfeed-termly-board.txt"), AREA, "2024-11-14");
            assertEquals(1, r.tables().size(), r.summary());
            assertEquals(18, r.tables().get(0).values(), r.summary());
            assertEquals(0, r.tables().get(0).statuses(), r.summary());
            // the notes after the "National" column have no header: words, so neither values nor rejects
            assertEquals(0, r.result().rowsRejected(), r.summary());
            assertEquals(lines("""
                    ehc_plans_mainstream_pct | E10000014 | Autumn 23 | 2023-09-01 | 38.2
                    ehc_plans_mainstream_pct | E10000014 | Spring 24 | 2024-01-01 | 38.9
                    ehc_plans_mainstream_pct | E10000014 | Summer 24 | 2024-04-01 | 39.5
                    ehc_plans_mainstream_pct | E92000001 | 2022/23 | 2022-09-01 | 41
                    suspensions_ehcp | E10000014 | Autumn 23 | 2023-09-01 | 140
                    suspensions_ehcp | E10000014 | Spring 24 | 2024-01-01 | 162
                    suspensions_ehcp | E10000014 | Summer 24 | 2024-04-01 | 97
                    exclusions_ehcp | E10000014 | Autumn 23 | 2023-09-01 | 2
                    exclusions_ehcp | E10000014 | Spring 24 | 2024-01-01 | 0
                    exclusions_ehcp | E10000014 | Summer 24 | 2024-04-01 | 1
                    persistent_absence_ehcp_pct | E10000014 | Autumn 23 | 2023-09-01 | 31.4
                    persistent_absence_ehcp_pct | E10000014 | Spring 24 | 2024-01-01 | 29.8
                    persistent_absence_ehcp_pct | E10000014 | Summer 24 | 2024-04-01 | 27.5
                    persistent_absence_ehcp_pct | E92000001 | 2022/23 | 2022-09-01 | 36.2
                    persistent_absence_sen_support_pct | E10000014 | Autumn 23 | 2023-09-01 | 24
                    persistent_absence_sen_support_pct | E10000014 | Spring 24 | 2024-01-01 | 23.1
                    persistent_absence_sen_support_pct | E10000014 | Summer 24 | 2024-04-01 | 22.6
                    persistent_absence_sen_support_pct | E92000001 | 2022/23 | 2022-09-01 | 28.4
                    """), observations(w));
            // "Required direction" ▲/▼; suspensions and exclusions have a direction but no target
            assertEquals(List.of(
                    "ehc_plans_mainstream_pct | 42 | up | 7",
                    "suspensions_ehcp | - | down | 8",
                    "exclusions_ehcp | - | down | 11",
                    "persistent_absence_ehcp_pct | 25 | down | 12",
                    "persistent_absence_sen_support_pct | 20 | down | 13"), targets(w));
        }
    }

    @Test
    void aSectionedDashboardWithASpacerRowAndAPageBreak() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, fixture("sectioned-monthly-dashboard.txt"), AREA, "2024-11-21");
            // the action table after the dashboard has another shape: it is not read as more rows
            assertEquals(1, r.tables().size(), r.summary());
            assertEquals(29, r.tables().get(0).values(), r.summary());
            assertEquals(2, r.tables().get(0).statuses(), r.summary());
            assertEquals(0, r.result().rowsRejected(), r.summary());
            // November is empty throughout (not yet recorded); 'TBC' and '-' are statuses, never zero
            assertEquals(lines("""
                    ehc_requests | E10000014 | Jul 24 | 2024-07-01 | 38
                    ehc_requests | E10000014 | Aug 24 | 2024-08-01 | 22
                    ehc_requests | E10000014 | Sep 24 | 2024-09-01 | 41
                    ehc_requests | E10000014 | Oct 24 | 2024-10-01 | 57
                    ehc_6wk_decision_pct | E10000014 | Jul 24 | 2024-07-01 | 88
                    ehc_6wk_decision_pct | E10000014 | Aug 24 | 2024-08-01 | 90
                    ehc_6wk_decision_pct | E10000014 | Sep 24 | 2024-09-01 | tbc
                    ehc_6wk_decision_pct | E10000014 | Oct 24 | 2024-10-01 | 93
                    ehc_20wk_pct_excl_exc | E10000014 | Jul 24 | 2024-07-01 | 51
                    ehc_20wk_pct_excl_exc | E10000014 | Aug 24 | 2024-08-01 | 55.5
                    ehc_20wk_pct_excl_exc | E10000014 | Sep 24 | 2024-09-01 | 60.2
                    ehc_20wk_pct_excl_exc | E10000014 | Oct 24 | 2024-10-01 | 58.7
                    annual_review_backlog | E10000014 | Jul 24 | 2024-07-01 | 266
                    annual_review_backlog | E10000014 | Aug 24 | 2024-08-01 | 251
                    annual_review_backlog | E10000014 | Sep 24 | 2024-09-01 | 240
                    annual_review_backlog | E10000014 | Oct 24 | 2024-10-01 | -
                    annual_review_timely_pct | E10000014 | Jul 24 | 2024-07-01 | 47
                    annual_review_timely_pct | E10000014 | Aug 24 | 2024-08-01 | 52
                    annual_review_timely_pct | E10000014 | Sep 24 | 2024-09-01 | 55
                    annual_review_timely_pct | E10000014 | Oct 24 | 2024-10-01 | 61
                    ep_advice_6wk_pct | E10000014 | Jul 24 | 2024-07-01 | 72
                    ep_advice_6wk_pct | E10000014 | Aug 24 | 2024-08-01 | 70
                    ep_advice_6wk_pct | E10000014 | Sep 24 | 2024-09-01 | 75
                    ep_advice_6wk_pct | E10000014 | Oct 24 | 2024-10-01 | 79
                    health_advice_6wk_pct | E10000014 | Jul 24 | 2024-07-01 | 94
                    health_advice_6wk_pct | E10000014 | Aug 24 | 2024-08-01 | 95
                    health_advice_6wk_pct | E10000014 | Sep 24 | 2024-09-01 | 93
                    health_advice_6wk_pct | E10000014 | Oct 24 | 2024-10-01 | 96
                    csc_advice_6wk_pct | E10000014 | Jul 24 | 2024-07-01 | 81
                    csc_advice_6wk_pct | E10000014 | Aug 24 | 2024-08-01 | 84
                    csc_advice_6wk_pct | E10000014 | Oct 24 | 2024-10-01 | 88
                    """), observations(w));
            assertEquals(List.of(
                    "ehc_6wk_decision_pct | 100 | null | 7",
                    "ehc_20wk_pct_excl_exc | 65 | null | 8",
                    "annual_review_backlog | 0 | null | 11",
                    "annual_review_timely_pct | 80 | null | 12",
                    "ep_advice_6wk_pct | 90 | null | 18",
                    "health_advice_6wk_pct | 90 | null | 19",
                    "csc_advice_6wk_pct | 90 | null | 20"), targets(w));
        }
    }

    @Test
    void aQuarterlyTableWhoseHeaderEndsAPage() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, fixture("quarterly-header-at-page-foot.txt"), AREA, "2025-02-06");
            // header on line 6, its rows on the next page (lines 11-16), some without their trailing empty cells
            assertEquals(1, r.tables().size(), r.summary());
            assertEquals(17, r.tables().get(0).values(), r.summary());
            assertEquals(0, r.tables().get(0).statuses(), r.summary());
            assertEquals(0, r.result().rowsRejected(), r.summary());
            // Q1 24/25 is April to June 2024 (the financial year); "6 wk decision %" and "% AR timeliness" are
            // the abbreviations with the unit beside them
            assertEquals(lines("""
                    ehc_requests | E10000014 | Q1 24/25 | 2024-04-01 | 171
                    ehc_requests | E10000014 | Q2 24/25 | 2024-07-01 | 158
                    ehc_requests | E10000014 | Q3 24/25 | 2024-10-01 | 190
                    ehc_6wk_decision_pct | E10000014 | Q1 24/25 | 2024-04-01 | 68
                    ehc_6wk_decision_pct | E10000014 | Q2 24/25 | 2024-07-01 | 74
                    ehc_6wk_decision_pct | E10000014 | Q3 24/25 | 2024-10-01 | 81
                    ehc_20wk_pct_incl_exc | E10000014 | Q1 24/25 | 2024-04-01 | 29.5
                    ehc_20wk_pct_incl_exc | E10000014 | Q2 24/25 | 2024-07-01 | 38
                    ehc_20wk_pct_incl_exc | E10000014 | Q3 24/25 | 2024-10-01 | 47.1
                    ehc_20wk_pct_incl_exc | E92000001 | 2023 | 2023-01-01 | 50.3
                    annual_review_backlog | E10000014 | Q1 24/25 | 2024-04-01 | 1240
                    annual_review_backlog | E10000014 | Q2 24/25 | 2024-07-01 | 1105
                    annual_review_backlog | E10000014 | Q3 24/25 | 2024-10-01 | 987
                    annual_review_timely_pct | E10000014 | Q1 24/25 | 2024-04-01 | 44
                    annual_review_timely_pct | E10000014 | Q2 24/25 | 2024-07-01 | 51
                    ep_advice_6wk_pct | E10000014 | Q1 24/25 | 2024-04-01 | 61
                    ep_advice_6wk_pct | E10000014 | Q2 24/25 | 2024-07-01 | 66
                    """), observations(w));
            assertEquals(1, w.count("SELECT count(*) FROM observation_fact WHERE period_kind = 'quarter' "
                    + "AND period_label = 'Q3 24/25' AND period_end = DATE '2024-12-31' AND measure = 'annual_review_backlog'"));
            assertEquals(List.of(
                    "ehc_6wk_decision_pct | 90 | null | 12",
                    "ehc_20wk_pct_incl_exc | 60 | null | 13",
                    "annual_review_backlog | 0 | null | 14",
                    "ep_advice_6wk_pct | 90 | null | 16"), targets(w));
        }
    }

    @Test
    void wordsBeyondTheHeaderAreNotesButAFigureThereIsRefused(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "KPI\tApr-24\tMay-24\tTarget\n"
                + "AR backlog\t512\t498\t0\tDown from 640 in March\n"
                + "EP timeliness\t58%\t61%\t90%\t64%\n");
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, SourceFile.of(paper), AREA, "2024-06-30");
            assertEquals(4, r.tables().get(0).values(), r.summary());
            assertEquals(1, r.result().rowsRejected(), r.summary());
            assertEquals(1, w.count("SELECT count(*) FROM load_rejects WHERE line = 3 AND field = 'column 5' "
                    + "AND raw_value = '64%' AND reason = 'a cell beyond the table''s header'"));
        }
    }
}

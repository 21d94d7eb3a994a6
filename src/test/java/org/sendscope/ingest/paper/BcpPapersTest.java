package org.sendscope.ingest.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sendscope.ingest.paper.KpiQueries.status;
import static org.sendscope.ingest.paper.KpiQueries.value;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.testing.SharedData;
import org.sendscope.warehouse.Warehouse;

/**
 * The two BCP papers in ../shared/papers, loaded as committee papers. Every number asserted here
 * can be read in the paper at the line given. Counts per table were made by hand from the text:
 * for each row, the non-empty cells under period and benchmark columns, a number counting one
 * value (two for "count (rate)"), TBC / Being scoped / Not avail / '-' counting one status,
 * n/a nothing (targets are not counted).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BcpPapersTest {
    static final String BCP = "E06000058";
    static final String PLAN = "bcp-send-improvement-plan-2023-26.txt";
    static final String PACK = "bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt";

    Warehouse w;
    KpiLoadReport plan;
    KpiLoadReport pack;

    @BeforeAll
    void load() {
        w = Warehouse.inMemory();
        plan = PaperLoader.load(w, SourceFile.of(SharedData.paper(PLAN)), BCP, "2024-04-30");
        pack = PaperLoader.load(w, SourceFile.of(SharedData.paper(PACK)), BCP, "2024-07-24");
    }

    @AfterAll
    void close() {
        if (w != null) w.close();
    }

    @Test
    void twentyWeekTimelinessIncludingExceptionsFromThePlan() throws Exception {
        // improvement plan line 329, priority 5 KPI table
        assertEquals(12.2, value(w, BCP, "ehc_20wk_pct_incl_exc", "Dec-23"));
        assertEquals(27.9, value(w, BCP, "ehc_20wk_pct_incl_exc", "Jan-24"));
        assertEquals(52.9, value(w, BCP, "ehc_20wk_pct_incl_exc", "Feb-24"));
        assertEquals(67.1, value(w, BCP, "ehc_20wk_pct_incl_exc", "Mar-24"));
        // the same table's "National (2022/23)" column
        assertEquals(49.2, value(w, "E92000001", "ehc_20wk_pct_incl_exc", "2022/23"));
    }

    @Test
    void ehcPlansAndTheAnnualReviewBacklog() throws Exception {
        // plan line 260 (priority 4) and line 335 (priority 5)
        double[] plans = {3736, 3791, 3877, 3949};
        double[] backlog = {1404, 1359, 1216, 1030};
        String[] months = {"Dec-23", "Jan-24", "Feb-24", "Mar-24"};
        for (int i = 0; i < 4; i++) {
            assertEquals(plans[i], value(w, BCP, "ehc_plans_local", months[i]), months[i]);
            assertEquals(backlog[i], value(w, BCP, "annual_review_backlog", months[i]), months[i]);
        }
        // "National (2022/23)" beside the count of EHCPs is the school census count of pupils with an EHCP
        assertEquals(389171, value(w, "E92000001", "pupils_with_ehcp", "2022/23"));
    }

    @Test
    void theImprovementBoardScorecardsBenchmarksFor2022() throws Exception {
        // agenda pack line 2241, KPI 12: "47.7% (2022)  34.7% (2022)  36.4% (2022)"
        assertEquals(47.7, value(w, "E92000001", "ehc_20wk_pct_incl_exc", "2022"));
        assertEquals(34.7, value(w, "E12000009", "ehc_20wk_pct_incl_exc", "2022"));
        assertEquals(36.4, value(w, "SN:E06000058", "ehc_20wk_pct_incl_exc", "2022"));
        // its "March 23" column (the baseline): 0%; and line 2261: backlog March 23 = 2012
        assertEquals(0.0, value(w, BCP, "ehc_20wk_pct_incl_exc", "March 23"));
        // line 2277: "5 (Jan 24)" is January's figure, not March's
        assertEquals(5.0, value(w, BCP, "ep_agency_fte", "Jan 24"));
        // line 2230: "389171 (Jan 23)" beside the count of EHCPs is again the census count
        assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E92000001' AND measure = "
                + "'pupils_with_ehcp' AND period_kind = 'census_january' AND period_start = DATE '2023-01-01' AND value = 389171"));
        assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E12000009' AND measure = "
                + "'pupils_with_ehcp' AND period_kind = 'census_january' AND value = 36767"));
    }

    @Test
    void termlyAndHalfTermlyParts() throws Exception {
        // agenda pack line 2309: "7 (0.03)" = 7 pupils, rate 0.03, in HT3 23/24
        assertEquals(7.0, value(w, BCP, "excluded_primary", "HT3 23/24"));
        assertEquals(0.03, value(w, BCP, "excluded_primary_rate", "HT3 23/24"));
        // line 2300: suspensions of pupils with an EHCP, Autumn 23 = 316 (also plan line 264)
        assertEquals(316.0, value(w, BCP, "suspensions_ehcp", "Autumn 23"));
        // plan line 264: the national rate "7.78 (rate)" for Autumn 22
        assertEquals(7.78, value(w, "E92000001", "suspensions_ehcp_rate", "Autumn 22"));
        // plan line 264: '-' in Spring 23 is a status, not zero
        assertEquals("-", status(w, BCP, "suspensions_ehcp", "Spring 23"));
    }

    @Test
    void timelinessTablesInThePublicAnswers() throws Exception {
        // agenda pack lines 698-708
        assertEquals(95.0, value(w, BCP, "ehc_requests", "Nov 23"));
        assertEquals(0.0, value(w, BCP, "ehc_6wk_decision_pct", "Sept 22"));
        assertEquals(86.0, value(w, BCP, "ehc_assessments_agreed", "Oct 22"));
        // line 877: "41.8 wks" / "36.7wks"
        assertEquals(41.8, value(w, BCP, "ehc_assessment_weeks_avg", "Dec 2022"));
        assertEquals(36.7, value(w, BCP, "ehc_assessment_weeks_avg", "Dec 2023"));
    }

    @Test
    void theProgressTableOfTheMay2024Report() throws Exception {
        // agenda pack lines 1404-1417: a header split over two lines ("March" over "'23")
        assertEquals(2012.0, value(w, BCP, "annual_review_backlog", "March '23"));
        assertEquals(26.7, value(w, BCP, "ehc_6wk_decision_pct", "March '23"));
        assertEquals(70.1, value(w, BCP, "annual_review_in_year_pct", "February 24"));
        // "Children" + "Awaiting Specialist provision": one label wrapped over two lines
        assertEquals(282.0, value(w, BCP, "awaiting_specialist_provision", "March 24"));
    }

    @Test
    void papersOdditiesReadForWhatTheyMean() throws Exception {
        assertEquals(41.6, value(w, BCP, "case_audits_good_pct", "Jan-24"));          // plan line 67: "41.6% %"
        assertEquals(11.2, value(w, BCP, "ehc_plans_inmss_pct", "Feb-24"));           // plan line 471: "11.2"
        assertEquals(3_900_000, value(w, BCP, "nmss_primary_cost", "Dec-23"));        // plan line 535: "3.9M"
        assertEquals(1656, value(w, BCP, "nd_school_age_waiting", "Dec-23"));         // plan line 190: "1,656"
        assertNull(value(w, BCP, "annual_review_timely_pct", "Dec-23"));              // plan line 334: TBC
        assertEquals("tbc", status(w, BCP, "annual_review_timely_pct", "Dec-23"));
        assertEquals("not_available", status(w, BCP, "inmss_high_cost_placements", "Dec-23")); // plan line 416
        assertEquals("being_scoped", status(w, BCP, "contact_72h_pct", "Mar-24"));    // plan line 139
        assertEquals("awaiting_data", status(w, BCP, "ld_health_check_pct", "Mar 24")); // pack line 2253
    }

    @Test
    void countsPerTableOfTheImprovementPlan() {
        // table at line → {values, statuses}, counted by hand (see the class comment)
        int[][] expected = {
                {65, 8, 4},    // priority 1: audits 4 + complaints 4; attendance TBC x4
                {135, 12, 8},  // priority 2: three survey rows x4; two 'Being scoped' rows x4
                {183, 30, 0},  // priority 3: 6 rows x4 = 24 ... minus 2 UHD blanks (3 each) + SENDIASS 4 = 30
                {259, 10, 0},  // priority 4 monthly: EHCPs 4 + 389,171; mainstream 4 + 41%
                {263, 6, 2},   // termly: 209, 316, 888, 1138, 7.78, 8.16; '-' x2
                {267, 12, 0},  // half-termly: 2,3,5 + "1 (0.10)" = 2 values; 9; 574,496,472; 41,58,97
                {327, 25, 4},  // priority 5: 6 rows x4 = 24 - TBC row + 49.2% = 25 values; TBC x4
                {412, 9, 5},   // priority 6: 62.5 x2, EP 4, 101, 159, 250; Not avail x2, TBC x3
                {469, 12, 17}, // priority 7: 4 + 5% national, 3, 4; TBC 1 + 4 rows x4
                {533, 8, 20},  // priority 8: 89 x4, 3.9M x4; 5 rows of TBC x4
        };
        assertEquals(expected.length, plan.tables().size(), plan.summary());
        for (int[] e : expected) {
            KpiLoadReport.TableCount t = plan.table("line " + e[0]);
            assertEquals(e[1], t.values(), t.table());
            assertEquals(e[2], t.statuses(), t.table());
        }
        // the one cell refused: "HT 1-3 = 29" (plan line 269), a figure for three half terms in one column
        assertEquals(1, plan.result().rowsRejected());
    }

    @Test
    void countsPerTableOfTheAgendaPack() {
        assertEquals(12, pack.table("line 698").values());   // 3 rows x Sept 23..Dec 23
        assertEquals(12, pack.table("line 705").values());   // 3 rows x Sept 22..Dec 22
        // line 874: 7 numbers; "1.2% (From Jan 23-Aug 23 = 0%)" refused; 2 repeat the tables above
        assertEquals(5, pack.table("line 874").values());
        assertEquals(2, pack.table("line 874").repeats());
        assertEquals(1, pack.table("line 874").rejected());
        // line 1404: 7 rows x 3 + 282; '-' x2
        assertEquals(22, pack.table("line 1404").values());
        assertEquals(2, pack.table("line 1404").statuses());
    }

    @Test
    void everyRefusedCellIsInLoadRejectsWithAReason() {
        long refused = w.count("SELECT count(*) FROM load_rejects");
        assertEquals(plan.result().rowsRejected() + pack.result().rowsRejected(), refused);
        assertEquals(0, w.count("SELECT count(*) FROM load_rejects WHERE reason IS NULL OR reason = ''"));
        assertEquals(0, w.count("SELECT count(*) FROM load_rejects WHERE line IS NULL"));
        // the scorecard's mistyped "Current Month Performance - Feb 23" column is refused, not filed under Feb 2023
        assertTrue(w.count("SELECT count(*) FROM load_rejects WHERE field LIKE '%Feb 23' AND reason LIKE '%second ''Current''%'") > 20);
        assertEquals(0, w.count("SELECT count(*) FROM observations WHERE area_code = 'E06000058' AND period_start = DATE '2023-02-01'"));
        // nothing was read as zero from a status word
        assertEquals(0, w.count("SELECT count(*) FROM observation_fact WHERE status <> 'reported' AND value IS NOT NULL"));
    }

    @Test
    void targetsAndRequiredDirections() {
        assertEquals(1, w.count("SELECT count(*) FROM kpi_targets_all_vintages WHERE measure = 'ehc_20wk_pct_incl_exc' "
                + "AND area_code = 'E06000058' AND target = 95 AND direction = 'up' AND valid_from = DATE '2023-12-01' "
                + "AND valid_to = DATE '2024-12-31' AND vintage = '2024-04-30'"));
        assertEquals(1, w.count("SELECT count(*) FROM kpi_targets_all_vintages WHERE measure = 'annual_review_backlog' AND target = 0 "
                + "AND vintage = '2024-04-30' AND direction IS NULL AND direction_as_written = '\u2022'"));
    }

    @Test
    void reloadingTheSamePaperChangesNothing() {
        KpiLoadReport again = PaperLoader.load(w, SourceFile.of(SharedData.paper(PLAN)), BCP, "2024-04-30");
        assertTrue(again.result().unchanged());
        assertEquals(plan.result().loadId(), again.result().loadId());
    }

    @Test
    void thePeriodsAreDates() throws Exception {
        assertEquals(1, w.count("SELECT count(*) FROM observations WHERE measure = 'ehc_plans_local' AND area_code = 'E06000058' "
                + "AND period_kind = 'month' AND period_start = DATE '2024-03-01' AND period_end = DATE '2024-03-31'"));
        assertFalse(LocalDate.of(2024, 3, 1).isAfter(LocalDate.of(2024, 3, 31)));
    }
}

package org.sendscope.ingest.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

class KpiCatalogueTest {
    final KpiCatalogue catalogue = KpiCatalogue.bundled();

    @Test
    void theCodesOtherFeaturesRelyOn() {
        for (String code : List.of("ehc_plans_local", "ehc_requests", "ehc_20wk_pct_incl_exc", "ehc_20wk_pct_excl_exc",
                "annual_review_backlog", "ehc_assessments_over_20wk", "pupils_with_ehcp")) {
            assertTrue(catalogue.byCode(code).isPresent(), code);
        }
    }

    @Test
    void oneMeasureHoweverThePapersWordIt() {
        // the improvement plan, the Improvement Board scorecard and the May 2024 report
        for (String label : List.of("% of new EHCPs issued within 20 weeks (including exceptions)",
                "20 week decision making (inc. exceptions)", "% of new EHCPs issued  within 20 weeks (including exceptions) ")) {
            assertEquals("ehc_20wk_pct_incl_exc", catalogue.match(label).orElseThrow().code(), label);
        }
        assertEquals("annual_review_backlog", catalogue.match("Annual Review backlog").orElseThrow().code());
        assertEquals("ehc_requests", catalogue.match("No. EHCNA requests").orElseThrow().code());
    }

    @Test
    void abbreviatedNamesMapToTheRightKpi() {
        // the abbreviations committee papers use, each to its own KPI and not a neighbour of it
        Map<String, String> expected = Map.ofEntries(
                Map.entry("AR backlog", "annual_review_backlog"),              // not ep_backlog
                Map.entry("AR timeliness", "annual_review_timely_pct"),
                Map.entry("6 wk decision", "ehc_6wk_decision_pct"),
                Map.entry("6 wk decisions", "ehc_6wk_decision_pct"),
                Map.entry("EP timeliness", "ep_advice_6wk_pct"),               // EP advice, not the EP backlog
                Map.entry("CSC timeliness", "csc_advice_6wk_pct"),
                Map.entry("Health timeliness", "health_advice_6wk_pct"),
                Map.entry("EHCNA requests", "ehc_requests"),
                Map.entry("20 wk timeliness (inc. exceptions)", "ehc_20wk_pct_incl_exc"),
                Map.entry("20 wk (excl. exceptions)", "ehc_20wk_pct_excl_exc"),
                Map.entry("Persistent absence - EHCP", "persistent_absence_ehcp_pct"),
                Map.entry("PA - SEN Support", "persistent_absence_sen_support_pct"));
        expected.forEach((label, code) -> assertEquals(code, catalogue.match(label).orElseThrow().code(), label));
        // weeks, inclusions and exclusions however shortened
        assertEquals("ehc_20wk_pct_incl_exc", catalogue.match("20 week timeliness (including exceptions)").orElseThrow().code());
        assertEquals("ehc_20wk_pct_incl_exc", catalogue.match("20 wks timeliness (incl exceptions)").orElseThrow().code());
        assertEquals("ehc_20wk_pct_excl_exc", catalogue.match("20 weeks (excluding exceptions)").orElseThrow().code());
        assertEquals("ehc_6wk_decision_pct", catalogue.match("6 week decision").orElseThrow().code());
        assertEquals("camhs_4wk_pct", catalogue.match("CAMHS Gateway % cyp seen within 4 wks of referral (RTA) Pan Dorset data")
                .orElseThrow().code());
        // a '%' beside an abbreviation gives the unit: the label names that KPI when it is a percentage
        assertEquals("ehc_6wk_decision_pct", catalogue.match("6 wk decision %").orElseThrow().code());
        assertEquals("annual_review_timely_pct", catalogue.match("% AR timeliness").orElseThrow().code());
        assertTrue(catalogue.match("AR backlog %").isEmpty(), "the backlog is a count, not a percentage");
        // an abbreviation that could be either of two KPIs is not guessed
        assertTrue(catalogue.match("20 wk timeliness").isEmpty());
        assertTrue(catalogue.match("Backlog").isEmpty());
    }

    @Test
    void theCensusCountIsNotTheSen2Count() {
        KpiMeasure plans = catalogue.byCode("ehc_plans_local").orElseThrow();
        assertEquals("ehc_plans", plans.comparableWith());
        assertEquals("pupils_with_ehcp", plans.benchmarkCode());
        assertEquals(null, catalogue.byCode("pupils_with_ehcp").orElseThrow().comparableWith());
    }

    @Test
    void theLasOwnCaseloadHasItsOwnCodeAndFilesWithTheOldCodeStillLoad() {
        // a monthly count from the LA's own system is not the SEN2 count as at January (issue 10 item 2)
        assertTrue(catalogue.measures().stream().noneMatch(m -> m.code().equals("ehc_plans")));
        assertEquals("ehc_plans_local", catalogue.match("No. of EHCPs").orElseThrow().code());
        assertEquals("ehc_plans_local", catalogue.byCode("ehc_plans").orElseThrow().code());
        assertEquals("2024.2", catalogue.version());
    }

    @Test
    void noLabelNamesTwoKpis() {
        Map<String, String> seen = new HashMap<>();
        for (KpiMeasure m : catalogue.measures()) {
            for (String v : concat(m.title(), m.variants())) {
                String was = seen.putIfAbsent(KpiCatalogue.key(v), m.code());
                assertTrue(was == null || was.equals(m.code()), v + " names both " + was + " and " + m.code());
            }
            assertTrue(List.of("higher_is_better", "lower_is_better", "neutral").contains(m.polarity()), m.code());
        }
    }

    private static List<String> concat(String a, List<String> b) {
        List<String> l = new java.util.ArrayList<>(b);
        l.add(a);
        return l;
    }

    @Test
    void splitsLabelsRunTogether() {
        assertEquals(List.of("ehc_plans_local", "pupils_with_ehcp_pct"), catalogue.split(
                "No. of EHCP % of School Population with an EHCP (Termly data)", 2).orElseThrow().stream()
                .map(KpiMeasure::code).toList());
    }

    @Test
    void installsIntoMeasures() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            catalogue.install(w.connection());
            catalogue.install(w.connection()); // again: replaced, not doubled
            assertEquals(catalogue.measures().size(), w.count("SELECT count(*) FROM measures WHERE source LIKE 'sendscope-kpi-catalogue%'"));
            assertEquals(1, w.count("SELECT count(*) FROM measures WHERE measure = 'ehc_20wk_pct_incl_exc' "
                    + "AND unit = 'percent' AND polarity = 'higher_is_better' AND comparable_with = 'ehc_20wk_pct_incl_exc'"));
        }
    }
}

package org.sendscope.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

/**
 * A made-up LA where every number can be worked out on paper: 1,000 plans in January 2024 growing
 * 10 % a year, half in mainstream at £5k and half in independent special schools at £15k, £10m of
 * funding a year, an opening deficit of £10m.
 */
class HandWorkedScenarioTest {
    static final String BASE = """
            area: E06000001
            base_year: 2024-25
            horizon: 3
            opening_balance: {value: -£10m, source: assumption}
            funding:
              high_needs_block: {value: £10m, source: assumption}
              growth: {value: 0%, source: assumption}
            demand:
              from: growth_rate
              ehcps: {value: 1000, january: 2024, source: assumption}
              growth: {value: 10%, source: assumption}
              cease_rate: {value: 10%, source: assumption}
            placements:
              from: shares
              shares:
                mainstream: {value: 50%, source: assumption}
                resourced_provision: {value: 0, source: assumption}
                maintained_special: {value: 0, source: assumption}
                independent_special: {value: 50%, source: assumption}
                hospital_ap: {value: 0, source: assumption}
                post_16: {value: 0, source: assumption}
                other: {value: 0, source: assumption}
            unit_costs:
              mainstream: {value: £5k, source: assumption}
              resourced_provision: {value: £1k, source: assumption}
              maintained_special: {value: £1k, source: assumption}
              independent_special: {value: £15k, source: assumption}
              hospital_ap: {value: £1k, source: assumption}
              post_16: {value: £1k, source: assumption}
              other: {value: £1k, source: assumption}
            """;

    static YearResults run(String yaml) {
        Scenario s = ScenarioFile.parse("fixture.yaml", "fixture", yaml);
        try (Warehouse w = Warehouse.inMemory()) {
            ScenarioInputs in = new ScenarioInputsReader(w, false).read(s);
            return DeficitModel.run(in, in.knobs().base(), true);
        }
    }

    @Test
    void growthAndUnitCostsGiveTheBalancesWorkedOnPaper() {
        YearResults r = run(BASE);
        // 1,100 / 1,210 / 1,331 plans at an average of £10k; £10m funding.
        assertEquals(1100, r.ehcps(0), 1e-6);
        assertEquals(1331, r.ehcps(2), 1e-6);
        assertEquals(11_000_000, r.spend(0), 1e-3);
        assertEquals(-1_000_000, r.inYearBalance(0), 1e-3);
        assertEquals(-11_000_000, r.cumulativeBalance(0), 1e-3);
        assertEquals(-13_100_000, r.cumulativeBalance(1), 1e-3);
        assertEquals(-16_410_000, r.cumulativeBalance(2), 1e-3);
        assertEquals(-1, r.firstInYearBalance());
        assertFalse(r.safetyValveMet());
        // The base year is 2024-25, so the override ends after its second year.
        assertEquals(-13_100_000, r.overrideEndBalance(), 1e-3);
    }

    @Test
    void localPlacesSaveTheCostDifferenceOnEachPlaceInUse() {
        YearResults r = run(BASE + """
                mitigations:
                  - name: new places
                    type: local_places
                    start: 2025-26
                    places_per_year: {value: 100, source: assumption}
                    max_places: {value: 1000, source: assumption}
                    cost_per_place: {value: £5k, source: assumption}
                """);
        assertEquals(11_000_000, r.spend(0), 1e-3);
        // 2025-26: 100 places at £5k instead of £15k saves £1m; 2026-27: 200 places save £2m.
        assertEquals(12_100_000 - 1_000_000, r.spend(1), 1e-3);
        assertEquals(13_310_000 - 2_000_000, r.spend(2), 1e-3);
        assertEquals(605 - 100, r.plans(1, PlacementCategory.INDEPENDENT_SPECIAL), 1e-6);
        assertEquals(100, r.plans(1, PlacementCategory.MAINTAINED_SPECIAL), 1e-6);
    }

    @Test
    void shiftingNewPlansToMainstreamReachesBalanceInTheFirstYear() {
        YearResults r = run(BASE + """
                mitigations:
                  - name: inclusion
                    type: mainstream_shift
                    start: 2024-25
                    share: {value: 50%, source: assumption}
                """);
        // New plans 2024-25: 1,100 - 1,000 x 0.9 = 200, all to mainstream: 450 + 200 = 650 there,
        // 450 independent; 650 x £5k + 450 x £15k = £10.0m = funding.
        assertEquals(650, r.plans(0, PlacementCategory.MAINSTREAM), 1e-6);
        assertEquals(450, r.plans(0, PlacementCategory.INDEPENDENT_SPECIAL), 1e-6);
        assertEquals(0, r.inYearBalance(0), 1e-3);
        assertEquals(0, r.firstInYearBalance());
        assertTrue(r.safetyValveMet());
    }

    @Test
    void calibrationScalesTheUnitCostsNotKeptToReachTheStatedGap() {
        Scenario s = ScenarioFile.parse("fixture.yaml", "fixture", BASE + """
                calibrate:
                  in_year_balance: {value: -£2m, source: assumption}
                  keep: [independent_special]
                """);
        try (Warehouse w = Warehouse.inMemory()) {
            ScenarioInputs in = new ScenarioInputsReader(w, false).read(s);
            YearResults r = DeficitModel.run(in, in.knobs().base(), true);
            // Spend must be £12m; 550 independent places cost £8.25m, so 550 mainstream plans must cost £3.75m.
            assertEquals(-2_000_000, r.inYearBalance(0), 1e-3);
            assertEquals(3_750_000.0 / 550, in.unitCost(PlacementCategory.MAINSTREAM), 1e-6);
            assertEquals(15_000, in.unitCost(PlacementCategory.INDEPENDENT_SPECIAL), 1e-9);
        }
    }

    @Test
    void mistakesNameTheLineAndKey() {
        var e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("f.yaml", "f",
                BASE.replace("horizon: 3", "horizon: 3\nhorizn: 4")));
        assertEquals("f.yaml line 4, key horizn: unknown key 'horizn'; expected one of title, area, base_year, horizon, "
                + "seed, opening_balance, funding, schools_block_transfer, other_spend, demand, placements, unit_costs, "
                + "cost_inflation, calibrate, mitigations", e.getMessage());
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("f.yaml", "f",
                BASE.replace("opening_balance: {value: -£10m, source: assumption}", "opening_balance: -£10m")));
        assertTrue(e.getMessage().startsWith("f.yaml line 4, key opening_balance: say where this figure came from"), e.getMessage());
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("f.yaml", "f",
                BASE.replace("growth: {value: 10%, source: assumption}", "growth: {value: ten percent, source: assumption}")));
        assertEquals("f.yaml line 11, key demand.growth.value: expected an amount such as -£63m, £2.8m, £49k, 3% or 1,234, "
                + "not 'ten percent'", e.getMessage());
        e = assertThrows(ScenarioFileException.class, () -> ScenarioFile.parse("f.yaml", "f",
                BASE.replace("horizon: 3", "horizon: 16")));
        assertEquals("f.yaml line 3, key horizon: must be 1 to 15, not 16", e.getMessage());
    }

    @Test
    void theSimulationDrawsEachRangeAroundItsFigure() {
        // Funding of £11m balances 2024-25 exactly when growth is 10% (1,100 plans at £10k); growth is
        // drawn between 0% and 20% peaking at 10%, so half the simulations balance in 2024-25.
        Scenario s = ScenarioFile.parse("fixture.yaml", "fixture", BASE
                .replace("high_needs_block: {value: £10m, source: assumption}", "high_needs_block: {value: £11m, source: assumption}")
                .replace("growth: {value: 10%, source: assumption}", "growth: {value: 10%, low: 0%, high: 20%, source: assumption}"));
        try (Warehouse w = Warehouse.inMemory()) {
            ScenarioInputs in = new ScenarioInputsReader(w, false).read(s);
            ScenarioSimulation.Result r = ScenarioSimulation.run(in, 20_000, 42);
            assertEquals(0.5, r.pInYearBalance()[0], 0.015);
            // The median draw is 10% growth: the deterministic run's -£10m at 31 March 2025.
            assertEquals(-10_000_000, r.p50()[0], 60_000);
            assertEquals(r.p50()[0], ScenarioSimulation.run(in, 20_000, 42).p50()[0]);
            java.util.List<Sensitivity.Row> table = Sensitivity.table(in);
            assertEquals(1, table.size());
            // 0% growth: 1,000 plans a year at £10k against £11m, +£1m a year; 20%: 1,200 / 1,440 / 1,728 plans.
            assertEquals(-10_000_000 + 3_000_000, table.get(0).balanceAtLow(), 1e-3);
            assertEquals(-10_000_000 + 33_000_000 - 12_000_000 - 14_400_000 - 17_280_000, table.get(0).balanceAtHigh(), 1e-3);
        }
    }

    @Test
    void theScenarioViewsAreDocumented() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("sql", "README.md"));
        try (Warehouse w = Warehouse.inMemory()) {
            var views = org.sendscope.warehouse.PublicViews.names(w);
            for (String v : java.util.List.of("scenario_runs", "scenario_years", "scenario_placements")) {
                assertTrue(views.contains(v), v);
                assertTrue(readme.contains("### `" + v + "`"), v + " is not documented in sql/README.md");
            }
        }
    }
}

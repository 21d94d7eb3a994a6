package org.sendscope.finance;

import java.util.Locale;

/**
 * A scenario any LA can run without writing one, for benchmarks and first looks: its January plans
 * growing at its own growth of the last three years (range ± 3 points), the warehouse's placement
 * mix and cease rate, the unit costs of the BCP files (assumptions), funding equal to spend in the
 * base year (calibrated) growing 3 %, and no opening deficit. Written as a scenario file, so it is
 * checked and stored like one.
 */
public final class DefaultScenario {
    private DefaultScenario() {
    }

    /** The default scenario for {@code area}, from {@code ehcps} plans in January {@code january} growing {@code growth} a year. */
    public static Scenario of(String area, int january, double ehcps, double growth, String baseYear, int horizon) {
        String yaml = String.format(Locale.ROOT, """
                title: default scenario for %1$s
                area: %1$s
                base_year: %2$s
                horizon: %3$d
                opening_balance: {value: 0, source: "assumption: no opening deficit"}
                funding:
                  high_needs_block: {value: 1, source: "calibrated: the base year balances"}
                  growth: {value: 3%%, low: 2%%, high: 4%%, source: "DfE's advice to plan on 3%% (BCP Cabinet 22 May 2024, para 24)"}
                demand:
                  from: growth_rate
                  ehcps: {value: %4$.0f, january: %5$d, source: "warehouse: observations ehc_plans total, January %5$d"}
                  growth: {value: %6$.6f, low: %7$.6f, high: %8$.6f, source: "warehouse: the LA's compound growth over the three years to January %5$d; range: ±3 points"}
                unit_costs:
                  mainstream: {value: 8000, low: 6000, high: 10000, source: assumption}
                  resourced_provision: {value: 15000, source: assumption}
                  maintained_special: {value: 24000, source: assumption}
                  independent_special: {value: 49000, low: 45000, high: 55000, source: assumption}
                  hospital_ap: {value: 20000, source: assumption}
                  post_16: {value: 10000, source: assumption}
                  other: {value: 8000, source: assumption}
                cost_inflation:
                  all: {value: 2%%, low: 1%%, high: 4%%, source: assumption}
                """, area, baseYear, horizon, ehcps, january, growth, growth - 0.03, growth + 0.03);
        Scenario s = ScenarioFile.parse("default:" + area, "default-" + area, yaml);
        return s;
    }

    /** Funding set so that the base year, mitigations off, balances. */
    public static ScenarioInputs balanced(ScenarioInputs in) {
        YearResults r = DeficitModel.run(in, in.knobs().base(), false);
        Scenario s = in.scenario;
        Figure hnb = Figure.of(r.spend(0), "calibrated: spend in " + s.baseYear());
        Scenario b = new Scenario(s.name(), s.title(), s.area(), s.baseYear(), s.horizon(), s.openingBalance(), hnb,
                s.fundingGrowth(), s.schoolsBlock(), s.schoolsBlockGrowth(), s.transferShare(), s.otherSpend(), s.demand(),
                s.ceaseRate(), s.mix(), s.mixJanuary(), s.unitCosts(), s.costInflation(), s.calibration(), s.mitigations(),
                s.seed(), s.text(), s.sha256());
        return new ScenarioInputs(b, in.demand, in.demandSigma, in.mix, in.ageMix, in.ceaseRate, in.forecastRunId,
                in.demandSource, in.mixSource, in.ageSource);
    }
}

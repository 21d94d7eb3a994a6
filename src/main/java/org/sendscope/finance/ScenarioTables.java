package org.sendscope.finance;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Scenario results as tables for notebooks, in £m and plans, one row per year, scenario or assumption. */
public final class ScenarioTables {
    private ScenarioTables() {
    }

    private static double m(double gbp) {
        return Math.round(gbp / 1e5) / 10.0;
    }

    /** One row per financial year: plans, funding, spend, balances (£m); percentiles when {@code sim} is given. */
    public static Table years(String name, YearResults r, ScenarioSimulation.Result sim) {
        Table t = Table.create(name);
        StringColumn fy = StringColumn.create("financial_year");
        DoubleColumn ehcps = DoubleColumn.create("ehcps"), funding = DoubleColumn.create("funding_m"),
                spend = DoubleColumn.create("spend_m"), inYear = DoubleColumn.create("in_year_balance_m"),
                cum = DoubleColumn.create("cumulative_balance_m"), p10 = DoubleColumn.create("p10_cumulative_m"),
                p50 = DoubleColumn.create("p50_cumulative_m"), p90 = DoubleColumn.create("p90_cumulative_m"),
                p = DoubleColumn.create("p_in_year_balance");
        for (int i = 0; i < r.years(); i++) {
            fy.append(r.year(i).toString());
            ehcps.append(Math.round(r.ehcps(i)));
            funding.append(m(r.funding(i)));
            spend.append(m(r.spend(i)));
            inYear.append(m(r.inYearBalance(i)));
            cum.append(m(r.cumulativeBalance(i)));
            if (sim != null) {
                p10.append(m(sim.p10()[i]));
                p50.append(m(sim.p50()[i]));
                p90.append(m(sim.p90()[i]));
                p.append(Math.round(sim.pInYearBalance()[i] * 1000) / 1000.0);
            }
        }
        t.addColumns(fy, ehcps, funding, spend, inYear, cum);
        if (sim != null) t.addColumns(p10, p50, p90, p);
        return t;
    }

    /** One row per scenario: the year of in-year balance, the Safety Valve test and the balances (£m). */
    public static Table compare(List<String> names, List<YearResults> runs) {
        StringColumn name = StringColumn.create("scenario"), first = StringColumn.create("first_in_year_balance"),
                sv = StringColumn.create("safety_valve_met");
        DoubleColumn shortfall = DoubleColumn.create("year5_shortfall_m"), override = DoubleColumn.create("balance_31_march_2026_m"),
                plans5 = DoubleColumn.create("year5_ehcps"), y5 = DoubleColumn.create("year5_cumulative_m"),
                last = DoubleColumn.create("final_cumulative_m");
        for (int i = 0; i < runs.size(); i++) {
            YearResults r = runs.get(i);
            int f = r.firstInYearBalance();
            name.append(names.get(i));
            first.append(f < 0 ? "not by " + r.year(r.years() - 1) : r.year(f).toString());
            sv.append(r.safetyValveMet() ? "yes" : "no");
            shortfall.append(m(r.safetyValveShortfall()));
            override.append(m(r.overrideEndBalance()));
            plans5.append(Math.round(r.ehcps(Math.min(4, r.years() - 1))));
            y5.append(m(r.yearFiveBalance()));
            last.append(m(r.cumulativeBalance(r.years() - 1)));
        }
        return Table.create("comparison").addColumns(name, first, sv, shortfall, override, plans5, y5, last);
    }

    /** The sensitivity rows: each assumption's range and the year-5 balance at each end (£m). */
    public static Table sensitivity(List<Sensitivity.Row> rows) {
        StringColumn a = StringColumn.create("assumption"), src = StringColumn.create("source"),
                range = StringColumn.create("range");
        DoubleColumn bl = DoubleColumn.create("year5_balance_at_low_m"), bh = DoubleColumn.create("year5_balance_at_high_m"),
                sw = DoubleColumn.create("swing_m");
        for (Sensitivity.Row r : rows) {
            a.append(r.assumption());
            range.append(r.range());
            bl.append(m(r.balanceAtLow()));
            bh.append(m(r.balanceAtHigh()));
            sw.append(m(r.swing()));
            src.append(r.source());
        }
        return Table.create("sensitivity").addColumns(a, range, bl, bh, sw, src);
    }
}

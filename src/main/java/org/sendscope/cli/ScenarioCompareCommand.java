package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.finance.Money;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.finance.YearResults;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope scenario compare A.yaml B.yaml …}: one row per scenario — the year of in-year
 * balance, the Safety Valve test, the balance at the end of the override and at year 5 — and, for
 * each after the first, why it differs from the first (plans, spend and funding in year 5). Each
 * scenario is stored as a run.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare scenario files: year of in-year balance, Safety Valve test, year-5 deficit, and why they differ.",
                "Each is stored as a scenario run."})
public final class ScenarioCompareCommand extends ScenarioSubcommand {
    @Mixin
    FormatOption format;
    @Mixin
    SimulationsOption simulations;

    @Parameters(paramLabel = "FILE.yaml", arity = "2..*", description = "Two or more scenario files; the first is the baseline.")
    List<Path> files;

    @Override
    public Integer call() {
        int n = simulations.count();
        List<Scenario> scenarios = files.stream().map(Scenarios::read).toList();
        List<Object[]> rows = new ArrayList<>();
        List<String> why = new ArrayList<>();
        try (Warehouse w = options.openForWriting()) {
            YearResults first = null;
            for (int i = 0; i < scenarios.size(); i++) {
                Scenario s = scenarios.get(i);
                StoredRun stored = runAndStore(w, s, files.get(i), n);
                ScenarioInputs in = stored.inputs();
                YearResults r = stored.results();
                ScenarioSimulation.Result sim = stored.simulation();
                long run = stored.runId();
                int t5 = Math.min(4, r.years() - 1);
                int f = r.firstInYearBalance();
                rows.add(new Object[] {s.name(), run, f < 0 ? "not by " + r.year(r.years() - 1) : r.year(f).toString(),
                        r.safetyValveMet() ? "yes" : "no", Math.round(r.safetyValveShortfall()),
                        Math.round(r.overrideEndBalance()), Math.round(r.ehcps(t5)), Math.round(r.yearFiveBalance()),
                        Math.round(r.cumulativeBalance(r.years() - 1)),
                        sim == null ? null : Math.round(sim.pSafetyValve() * 1000) / 1000.0});
                if (first == null) {
                    first = r;
                } else {
                    why.add(explain(scenarios.get(0), first, s, r, in));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        ResultPrinter.printRows(List.of("scenario", "run_id", "first_in_year_balance", "safety_valve_met",
                "year5_in_year_shortfall_gbp", "balance_31_march_2026_gbp", "year5_ehcps", "year5_cumulative_gbp",
                "final_cumulative_gbp", "p_safety_valve"), rows, format.format, out);
        if (format.format == TableFormat.table) {
            for (String line : why) out.println(line);
            out.flush();
        }
        return 0;
    }

    /** Why {@code s} ends year 5 where it does against the baseline: plans, spend per plan, funding. */
    static String explain(Scenario base, YearResults b, Scenario s, YearResults r, ScenarioInputs in) {
        int t = Math.min(4, r.years() - 1);
        double dPlans = r.ehcps(t) - b.ehcps(t);
        double dSpend = sum(r, t, true) - sum(b, t, true);
        double dFunding = sum(r, t, false) - sum(b, t, false);
        double dBalance = r.cumulativeBalance(t) - b.cumulativeBalance(t);
        double growth = r.ehcps(t) / r.ehcps(0) - 1;
        double baseGrowth = b.ehcps(t) / b.ehcps(0) - 1;
        return String.format("%s against %s, by %s: plans grow %.0f%% from %s to %s against %.0f%% (%s; %s%s plans in %s); "
                        + "spend %s and funding %s over the five years, so the cumulative balance is %s %s.",
                s.name(), base.name(), r.year(t).yearEnd(), growth * 100, r.year(0), r.year(t), baseGrowth * 100,
                demand(s, in), dPlans >= 0 ? "+" : "", String.format("%,.0f", dPlans), r.year(t),
                signed(dSpend), signed(dFunding), Money.m(Math.abs(dBalance)), dBalance >= 0 ? "better" : "worse");
    }

    private static String demand(Scenario s, ScenarioInputs in) {
        if (s.demand() instanceof org.sendscope.finance.Demand.GrowthRate g) {
            return String.format("demand growing %.2f%% a year", g.growth().value() * 100);
        }
        return "demand from " + in.demandSource();
    }

    private static double sum(YearResults r, int upTo, boolean spend) {
        double s = 0;
        for (int t = 0; t <= upTo; t++) s += spend ? r.spend(t) : r.funding(t);
        return s;
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "-") + Money.m(Math.abs(v));
    }
}

package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.finance.Money;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioFile;
import org.sendscope.finance.ScenarioFileException;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioInputsReader;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.finance.YearResults;
import org.sendscope.warehouse.Warehouse;

/** What the scenario commands share: reading files with user-facing errors, and the year table. */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserException("no scenario file " + file);
        try {
            return ScenarioFile.read(file);
        } catch (ScenarioFileException e) {
            throw new UserException(e.getMessage());
        }
    }

    static ScenarioInputs inputs(Warehouse w, Scenario s, boolean store) {
        try {
            return new ScenarioInputsReader(w, store).read(s);
        } catch (ScenarioFileException e) {
            throw new UserException(e.getMessage());
        }
    }

    static void checkSimulations(int n) {
        if (n < 0 || n > 1_000_000) throw new UserException("--simulations must be 0 to 1,000,000, not " + n);
    }

    static List<String> columns(boolean simulated) {
        List<String> c = new ArrayList<>(List.of("financial_year", "ehcps", "funding_gbp", "spend_gbp",
                "in_year_balance_gbp", "cumulative_balance_gbp"));
        if (simulated) c.addAll(List.of("p10_cumulative_gbp", "p50_cumulative_gbp", "p90_cumulative_gbp", "p_in_year_balance"));
        return c;
    }

    static List<Object[]> rows(YearResults r, ScenarioSimulation.Result sim) {
        List<Object[]> rows = new ArrayList<>();
        for (int t = 0; t < r.years(); t++) {
            List<Object> row = new ArrayList<>(List.of(r.year(t).toString(), Math.round(r.ehcps(t)),
                    Math.round(r.funding(t)), Math.round(r.spend(t)), Math.round(r.inYearBalance(t)),
                    Math.round(r.cumulativeBalance(t))));
            if (sim != null) {
                row.addAll(List.of(Math.round(sim.p10()[t]), Math.round(sim.p50()[t]), Math.round(sim.p90()[t]),
                        Math.round(sim.pInYearBalance()[t] * 1000) / 1000.0));
            }
            rows.add(row.toArray());
        }
        return rows;
    }

    /** The answers in a few lines a finance officer can quote. */
    static String summary(Scenario s, YearResults r) {
        StringBuilder b = new StringBuilder();
        int first = r.firstInYearBalance();
        b.append(String.format("%s (%s): cumulative DSG balance %s at %s, %s at %s.%n", s.name(), s.area(),
                Money.m(r.cumulativeBalance(0)), r.year(0).yearEnd(), Money.m(r.cumulativeBalance(r.years() - 1)),
                r.year(r.years() - 1).yearEnd()));
        b.append(first < 0 ? "In-year balance: not reached by " + r.year(r.years() - 1) + ".%n".formatted()
                : "In-year balance: first reached in " + r.year(first) + ".%n".formatted());
        if (r.years() >= 5) {
            b.append(r.safetyValveMet()
                    ? "Safety Valve test (in-year balance within five years, by " + s.yearFive() + "): met.%n".formatted()
                    : String.format("Safety Valve test (in-year balance within five years, by %s): not met; %s short in %s%s.%n",
                            s.yearFive(), Money.m(r.safetyValveShortfall()), s.yearFive(),
                            first < 0 ? "" : " (balance " + (first - 4) + " year" + (first - 4 == 1 ? "" : "s") + " late)"));
        }
        double override = r.overrideEndBalance();
        if (!Double.isNaN(override)) b.append("At the end of the statutory override (31 March 2026): ").append(Money.m(override)).append(".%n".formatted());
        if (r.years() >= 5) b.append("Year 5 (").append(s.yearFive().yearEnd()).append("): ").append(Money.m(r.yearFiveBalance())).append(".%n".formatted());
        return b.toString();
    }
}

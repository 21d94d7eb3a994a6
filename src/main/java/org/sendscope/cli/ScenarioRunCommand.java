package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.finance.YearResults;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope scenario run FILE.yaml [--simulations N] [--format table|csv|json]}: the scenario
 * year by year (plans, funding, spend, in-year and cumulative balance; percentiles when simulated),
 * stored in the warehouse (views {@code scenario_runs}, {@code scenario_years}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario file: EHC plans, funding, spend and DSG balances per financial year.",
                "Stored in the warehouse (views scenario_runs, scenario_years, scenario_placements)."})
public final class ScenarioRunCommand extends ScenarioSubcommand {
    @Mixin
    FormatOption format;
    @Mixin
    SimulationsOption simulations;

    @Parameters(paramLabel = "FILE.yaml", description = "The scenario file.")
    Path file;

    @Override
    public Integer call() {
        int n = simulations.count();
        Scenario s = Scenarios.read(file);
        try (Warehouse w = options.openForWriting()) {
            StoredRun stored = runAndStore(w, s, file, n);
            YearResults r = stored.results();
            ScenarioSimulation.Result sim = stored.simulation();
            long run = stored.runId();
            PrintWriter out = spec.commandLine().getOut();
            ResultPrinter.printRows(Scenarios.columns(sim != null), Scenarios.rows(r, sim), format.format, out);
            if (format.format == TableFormat.table) {
                out.print(Scenarios.summary(s, r));
                if (sim != null) {
                    out.printf("%d simulations (seed %d): probability of in-year balance by %s (Safety Valve) %.0f%%.%n",
                            sim.simulations(), sim.seed(), s.yearFive(), sim.pSafetyValve() * 100);
                }
                out.println("Stored as scenario run " + run + " (SELECT * FROM scenario_years WHERE run_id = " + run + ").");
                out.flush();
            }
        }
        return 0;
    }
}

package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sendscope.finance.DeficitModel;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.finance.ScenarioStore;
import org.sendscope.finance.YearResults;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sendscope scenario run FILE.yaml [--simulations N] [--format table|csv|json]}: the scenario
 * year by year (plans, funding, spend, in-year and cumulative balance; percentiles when simulated),
 * stored in the warehouse (views {@code scenario_runs}, {@code scenario_years}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario file: EHC plans, funding, spend and DSG balances per financial year.",
                "Stored in the warehouse (views scenario_runs, scenario_years, scenario_placements)."})
public final class ScenarioRunCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Mixin
    FormatOption format;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.yaml", description = "The scenario file.")
    Path file;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "0",
            description = "Monte Carlo simulations over the stated ranges (default: ${DEFAULT-VALUE}, none).")
    int simulations;

    @Override
    public Integer call() {
        Scenarios.checkSimulations(simulations);
        Scenario s = Scenarios.read(file);
        try (Warehouse w = options.openForWriting()) {
            ScenarioInputs in = Scenarios.inputs(w, s, true);
            YearResults r = DeficitModel.run(in, in.knobs().base(), true);
            ScenarioSimulation.Result sim = simulations > 0 ? ScenarioSimulation.run(in, simulations, s.seed()) : null;
            String command = "sendscope scenario run " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            long run = ScenarioStore.save(w, in, r, sim, file.toString(), command);
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

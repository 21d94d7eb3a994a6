package org.sendscope.cli;

import org.sendscope.bench.Timing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.finance.DefaultScenario;
import org.sendscope.finance.DeficitModel;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioInputsReader;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.forecast.AreaHistory;
import org.sendscope.forecast.Panel;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sendscope bench scenario}: 10,000 simulations of one LA over 15 years (a scenario file,
 * BCP's with mitigations by default) and 1,000 simulations of every LA with its default scenario,
 * each against a single deterministic run of the same in the same process (goal: both under 10 s).
 * Each task runs once to warm up, then three times; the median counts.
 */
@Command(name = "scenario", mixinStandardHelpOptions = true,
        description = "Time 10,000 simulations of one LA over 15 years and 1,000 of every LA, against deterministic runs.")
public final class BenchScenarioCommand extends TableCommand {
    @Option(names = "--scenario", paramLabel = "FILE.yaml", defaultValue = "notebooks/scenarios/bcp-2024-mitigations.yaml",
            description = "The one-LA scenario (default: ${DEFAULT-VALUE}).")
    Path file;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "10000", description = "Simulations of the one LA (default: ${DEFAULT-VALUE}).")
    int oneSimulations;

    @Option(names = "--all-simulations", paramLabel = "N", defaultValue = "1000", description = "Simulations of each LA (default: ${DEFAULT-VALUE}).")
    int allSimulations;

    @Override
    public Integer call() {
        Scenarios.checkSimulations(oneSimulations);
        Scenarios.checkSimulations(allSimulations);
        Scenario one = Scenarios.read(file);
        long t0 = System.nanoTime();
        ScenarioInputs oneIn;
        List<ScenarioInputs> all = new ArrayList<>();
        try (Warehouse w = options.openReadOnly()) {
            oneIn = Scenarios.inputs(w, one, false);
            Panel panel = EhcpPanels.load(w);
            int last = panel.lastStockYear();
            ScenarioInputsReader reader = new ScenarioInputsReader(w, false);
            for (AreaHistory a : panel.areas()) {
                if (!a.stock().has(last) || !a.stock().has(last - 3) || a.stock().get(last - 3) <= 0) continue;
                double growth = Math.pow(a.stock().get(last) / a.stock().get(last - 3), 1 / 3.0) - 1;
                try {
                    Scenario s = DefaultScenario.of(a.code(), last, a.stock().get(last), growth, (last + 1) + "-" + String.format("%02d", (last + 2) % 100), 15);
                    all.add(DefaultScenario.balanced(reader.read(s)));
                } catch (org.sendscope.finance.ScenarioFileException e) {
                    // An LA without SEN2 placements or ceased plans has no default scenario.
                }
            }
        }
        double prepare = (System.nanoTime() - t0) / 1e9;
        double oneDet = Timing.warmMedianSeconds(() -> DeficitModel.run(oneIn, oneIn.knobs().base(), true));
        double oneMc = Timing.warmMedianSeconds(() -> ScenarioSimulation.run(oneIn, oneSimulations, one.seed()));
        double allDet = Timing.warmMedianSeconds(() -> {
            for (ScenarioInputs in : all) DeficitModel.run(in, in.knobs().base(), true);
        });
        double allMc = Timing.warmMedianSeconds(() -> {
            for (ScenarioInputs in : all) ScenarioSimulation.run(in, allSimulations, 1);
        });
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"read the scenario inputs of " + one.area() + " and of " + all.size() + " LAs from the warehouse",
                round(prepare), null, null, null, null});
        rows.add(new Object[] {"reference: one deterministic run of " + one.name() + " (" + one.horizon() + " years)",
                round(oneDet), round(oneDet), 1.0, null, null});
        rows.add(new Object[] {oneSimulations + " simulations of " + one.name() + " (" + one.horizon() + " years)",
                round(oneMc), round(oneDet), Math.round(oneMc / oneDet), 10.0, oneMc < 10 ? "yes" : "no"});
        rows.add(new Object[] {"reference: one deterministic run of each of " + all.size() + " LAs' default scenarios (15 years)",
                round(allDet), round(allDet), 1.0, null, null});
        rows.add(new Object[] {allSimulations + " simulations of each of " + all.size() + " LAs (15 years)",
                round(allMc), round(allDet), Math.round(allMc / allDet), 10.0, allMc < 10 ? "yes" : "no"});
        BenchTable.print(rows, format.format, out());
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}

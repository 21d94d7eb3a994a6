package org.sendscope.cli;

import java.nio.file.Path;
import org.sendscope.finance.DeficitModel;
import org.sendscope.finance.Scenario;
import org.sendscope.finance.ScenarioInputs;
import org.sendscope.finance.ScenarioSimulation;
import org.sendscope.finance.ScenarioStore;
import org.sendscope.finance.YearResults;
import org.sendscope.warehouse.Warehouse;

/**
 * What the {@code scenario …} subcommands share: the warehouse options, and the one way a scenario
 * file's base case is run and stored as a scenario run with the command that asked for it.
 */
abstract class ScenarioSubcommand extends Subcommand {
    /** A scenario's base case as run and stored. */
    record StoredRun(ScenarioInputs inputs, YearResults results, ScenarioSimulation.Result simulation, long runId) {
    }

    /** The command as the user typed it, stored with each run. */
    final String typed() {
        return "sendscope scenario " + spec.name() + " "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** Runs the scenario's base case (and {@code simulations} Monte Carlo runs, if any) and stores it. */
    final StoredRun runAndStore(Warehouse w, Scenario s, Path file, int simulations) {
        ScenarioInputs in = Scenarios.inputs(w, s, true);
        YearResults r = DeficitModel.run(in, in.knobs().base(), true);
        ScenarioSimulation.Result sim = simulations > 0 ? ScenarioSimulation.run(in, simulations, s.seed()) : null;
        long run = ScenarioStore.save(w, in, r, sim, file.toString(), typed());
        return new StoredRun(in, r, sim, run);
    }
}

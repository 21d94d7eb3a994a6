package org.sendscope.cli;

import picocli.CommandLine.Option;

/** {@code --simulations N}, shared by {@code scenario run} and {@code scenario compare}. */
public final class SimulationsOption {
    @Option(names = "--simulations", paramLabel = "N", defaultValue = "0",
            description = "Monte Carlo simulations over the scenario's stated ranges (default: ${DEFAULT-VALUE}, none).")
    int simulations;

    /** The number asked for, 0 to 1,000,000. */
    int count() {
        Scenarios.checkSimulations(simulations);
        return simulations;
    }
}

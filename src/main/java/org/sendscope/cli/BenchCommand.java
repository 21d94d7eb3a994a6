package org.sendscope.cli;

import picocli.CommandLine.Command;

/** {@code sendscope bench <what>}: benchmarks reported as ratios to a reference run in the same process. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks, each against a reference measured in the same run.",
        subcommands = {BenchLoadCommand.class, BenchKernelCommand.class, BenchForecastCommand.class,
                BenchScenarioCommand.class, BenchSparkCommand.class, BenchQueriesCommand.class})
public final class BenchCommand extends CommandGroup {
}

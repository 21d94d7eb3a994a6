package org.sendscope.cli;

import picocli.CommandLine.Command;

/** {@code sendscope forecast <series>}: forecasts with prediction intervals, stored in the warehouse. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast a series with 80%% and 95%% prediction intervals and store the run.",
        subcommands = {ForecastEhcpCommand.class})
public final class ForecastCommand extends CommandGroup {
}

package org.sendscope.cli;

import picocli.CommandLine.Command;

/** {@code sendscope backtest <series>}: rolling-origin backtests of the forecasting models. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score the forecasting models on years they did not see.",
        subcommands = {BacktestEhcpCommand.class})
public final class BacktestCommand extends CommandGroup {
}

package org.sendscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sendscope backtest <series>}: rolling-origin backtests of the forecasting models. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score the forecasting models on years they did not see.",
        subcommands = {BacktestEhcpCommand.class})
public final class BacktestCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

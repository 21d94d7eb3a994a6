package org.sendscope.cli;

import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.RollingOrigins;
import picocli.CommandLine.Option;

/**
 * {@code --horizon} and {@code --simulations}, shared by {@code forecast ehcp} and
 * {@code backtest ehcp}, and the forecasting engine they set up.
 */
public final class EhcpForecastOptions {
    @Option(names = "--horizon", paramLabel = "YEARS", defaultValue = "3", description = "Years ahead (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "1000",
            description = "Monte Carlo simulations per area (default: ${DEFAULT-VALUE}).")
    int simulations;

    /** The horizon asked for, 1 to 15 years. */
    int horizon() {
        EhcpPanels.checkHorizon(horizon);
        return horizon;
    }

    /** The simulations asked for per area. */
    int simulations() {
        return simulations;
    }

    /** The forecasting engine on {@code panel} with these simulations and the usual fitting window. */
    EhcpForecasting engine(Panel panel) {
        return new EhcpForecasting(panel, simulations, RollingOrigins.DEFAULT_WINDOW);
    }
}

package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.forecast.Backtest;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope backtest ehcp --origins 2016-2022 --horizon 3}: every model fitted at each origin
 * on what was known then, scored on the Januaries that followed, beside the simple baselines.
 */
@Command(name = "ehcp", mixinStandardHelpOptions = true,
        description = {"Rolling-origin backtest of the EHC plan forecasts for every LA: n, MAPE, WAPE, bias,",
                "80%% and 95%% interval coverage and pinball loss per model and horizon (percentages)."})
public final class BacktestEhcpCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Mixin
    FormatOption format;
    @Spec
    CommandSpec spec;

    @Option(names = "--origins", paramLabel = "FROM-TO", defaultValue = "2016-2022",
            description = "Origins (last January known), e.g. 2016-2022 or 2019 (default: ${DEFAULT-VALUE}).")
    String origins;

    @Option(names = "--horizon", paramLabel = "YEARS", defaultValue = "3",
            description = "Years ahead to score (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Models to score, comma-separated (default: all and auto).")
    List<String> models = new ArrayList<>();

    @Option(names = "--simulations", paramLabel = "N", defaultValue = "1000",
            description = "Monte Carlo simulations per area (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Override
    public Integer call() {
        int[] range = parseRange(origins);
        EhcpPanels.checkHorizon(horizon);
        Panel panel;
        try (Warehouse w = options.openReadOnly()) {
            panel = EhcpPanels.load(w);
        }
        EhcpForecasting f = new EhcpForecasting(panel, simulations, RollingOrigins.DEFAULT_WINDOW);
        EhcpPanels.checkOrigin(f, range[0], "--origins");
        EhcpPanels.checkOrigin(f, range[1], "--origins");
        EhcpPanels.checkModels(f, models);
        List<Backtest.Row> rows = f.backtest(models, range[0], range[1], horizon);
        List<Object[]> values = new ArrayList<>();
        for (Backtest.Row r : rows) {
            String kind = Models.AUTO.equals(r.model()) ? "auto" : Models.baselines().contains(r.model()) ? "baseline" : "model";
            values.add(new Object[] {r.model(), kind, r.horizon(), r.n(), round(r.mape()), round(r.wape()),
                    round(r.bias()), round(r.cov80()), round(r.cov95()), round(r.pinball())});
        }
        PrintWriter out = spec.commandLine().getOut();
        ResultPrinter.printRows(List.of("model", "kind", "horizon", "n", "mape", "wape", "bias", "cov80", "cov95",
                "pinball"), values, format.format, out);
        if (format.format == TableFormat.table) summary(rows, out);
        return 0;
    }

    /** The goal line: auto against the best baseline at each horizon. */
    private void summary(List<Backtest.Row> rows, PrintWriter out) {
        out.println("Origins " + origins + "; errors in % of the actual January; bias < 0 is under-forecasting; "
                + "intervals from past errors only.");
        for (int h = 1; h <= horizon; h++) {
            Backtest.Row best = null, auto = null;
            for (Backtest.Row r : rows) {
                if (r.horizon() != h) continue;
                if (Models.baselines().contains(r.model()) && (best == null || r.mape() < best.mape())) best = r;
                if (Models.AUTO.equals(r.model())) auto = r;
            }
            if (best == null || auto == null) continue;
            out.printf("%d year(s) ahead: auto MAPE %.2f vs best baseline %s %.2f (%+.1f%%); auto 80%% coverage %.1f%%%n",
                    h, auto.mape(), best.model(), best.mape(), 100 * (auto.mape() / best.mape() - 1), auto.cov80());
        }
        out.flush();
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    static int[] parseRange(String s) {
        try {
            String[] parts = s.trim().split("-");
            if (parts.length == 1) {
                int y = Integer.parseInt(parts[0]);
                return new int[] {y, y};
            }
            if (parts.length == 2) {
                int a = Integer.parseInt(parts[0]);
                int b = Integer.parseInt(parts[1]);
                if (a <= b) return new int[] {a, b};
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UserException("--origins must be YEAR or FROM-TO (e.g. 2016-2022), not '" + s + "'");
    }
}

package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.forecast.Backtest;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.NowcastBacktest;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PartsBacktest;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sendscope backtest ehcp --origins 2016-2022 --horizon 3}: every model fitted at each origin
 * on what was known then, scored on the Januaries that followed, beside the simple baselines.
 */
@Command(name = "ehcp", mixinStandardHelpOptions = true,
        description = {"Rolling-origin backtest of the EHC plan forecasts for every LA: n, MAPE, WAPE, bias,",
                "80%% and 95%% interval coverage and pinball loss per model and horizon (percentages)."})
public final class BacktestEhcpCommand extends TableCommand {
    @Option(names = "--origins", paramLabel = "FROM-TO", defaultValue = "2016-2022",
            description = "Origins (last January known), e.g. 2016-2022 or 2019 (default: ${DEFAULT-VALUE}).")
    String origins;

    @Mixin
    EhcpForecastOptions forecasting;

    @Option(names = "--models", split = ",", paramLabel = "NAME",
            description = "Models to score, comma-separated (default: all and auto).")
    List<String> models = new ArrayList<>();

    @Option(names = "--by-origin", description = "One row per model, origin and horizon instead of pooled over the origins.")
    boolean byOrigin;

    @Option(names = "--parts", paramLabel = "DIMENSION",
            description = "Score the parts instead of the total: placement (placement groups and their DSG category) or age.")
    String parts;

    @Option(names = "--nowcast", description = "Backtest starting from synthetic local monthly counts (SEN2 with known noise) "
            + "against the model alone, one and two years ahead.")
    boolean nowcast;

    @Option(names = "--noise", paramLabel = "LEVEL,MONTH", split = ",", defaultValue = "0.02,0.01",
            description = "With --nowcast: sd (log) of each LA's level difference and of each month's noise (default: ${DEFAULT-VALUE}).")
    double[] noise;

    @Override
    public Integer call() {
        int[] range = parseRange(origins);
        int horizon = forecasting.horizon();
        Panel panel = EhcpPanels.read(options);
        EhcpForecasting f = forecasting.engine(panel);
        EhcpPanels.checkOrigin(f, range[0], "--origins");
        EhcpPanels.checkOrigin(f, range[1], "--origins");
        EhcpPanels.checkModels(f, models);
        PrintWriter out = out();
        if (nowcast) {
            if (noise.length != 2 || noise[0] < 0 || noise[1] < 0) {
                throw new UserException("--noise must be two sds of 0 or more, e.g. 0.02,0.01");
            }
            List<Object[]> values = new ArrayList<>();
            String m = models.isEmpty() ? Models.AUTO : models.get(0);
            for (NowcastBacktest.Row r : new NowcastBacktest(f, noise[0], noise[1], NOWCAST_SEED).run(m, range[0],
                    Math.min(range[1], panel.lastStockYear() - 2))) {
                values.add(new Object[] {r.method(), r.horizon(), r.n(), round(r.mape()), round(r.bias()),
                        round(r.cov80()), round(r.cov95())});
            }
            ResultPrinter.printRows(List.of("method", "horizon", "n", "mape", "bias", "cov80", "cov95"), values,
                    format.format, out);
            return 0;
        }
        if (parts != null) {
            if (!parts.equals("placement") && !parts.equals("age")) {
                throw new UserException("--parts must be placement or age, not '" + parts + "'");
            }
            List<Object[]> values = new ArrayList<>();
            for (PartsBacktest.Row r : f.partsBacktest(parts, range[0], range[1], horizon)) {
                values.add(new Object[] {r.part(), r.dsgCategory(), r.method(), r.horizon(), r.n(), round(r.shareMape()),
                        round(r.shareMae()), round(r.countMape()), round(r.cov80())});
            }
            ResultPrinter.printRows(List.of("part", "dsg_category", "method", "horizon", "n", "share_mape",
                    "share_mae_pts", "count_mape", "cov80"), values, format.format, out);
            return 0;
        }
        if (byOrigin) {
            List<Object[]> values = new ArrayList<>();
            for (Backtest.OriginRow o : f.backtestByOrigin(models, range[0], range[1], horizon)) {
                Backtest.Row r = o.row();
                values.add(new Object[] {r.model(), kind(r.model()), o.origin(), r.horizon(), r.n(), round(r.mape()),
                        round(r.wape()), round(r.bias()), round(r.cov80()), round(r.cov95()), round(r.pinball())});
            }
            ResultPrinter.printRows(List.of("model", "kind", "origin", "horizon", "n", "mape", "wape", "bias", "cov80",
                    "cov95", "pinball"), values, format.format, out);
            return 0;
        }
        List<Backtest.Row> rows = f.backtest(models, range[0], range[1], horizon);
        List<Object[]> values = new ArrayList<>();
        for (Backtest.Row r : rows) {
            values.add(new Object[] {r.model(), kind(r.model()), r.horizon(), r.n(), round(r.mape()), round(r.wape()),
                    round(r.bias()), round(r.cov80()), round(r.cov95()), round(r.pinball())});
        }
        ResultPrinter.printRows(List.of("model", "kind", "horizon", "n", "mape", "wape", "bias", "cov80", "cov95",
                "pinball"), values, format.format, out);
        if (format.format == TableFormat.table) summary(rows, horizon, out);
        return 0;
    }

    /** The goal line: auto against the best baseline at each horizon. */
    private void summary(List<Backtest.Row> rows, int horizon, PrintWriter out) {
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

    /** The synthetic series' seed, fixed so the table can be checked. */
    static final long NOWCAST_SEED = 20240301L;

    private static String kind(String model) {
        return Models.AUTO.equals(model) ? "auto" : Models.baselines().contains(model) ? "baseline" : "model";
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

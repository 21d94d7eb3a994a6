package org.sendscope.cli;

import org.sendscope.bench.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.forecast.AgeCohortModel;
import org.sendscope.forecast.Backtest;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.ForecastModel;
import org.sendscope.forecast.LastValueModel;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PooledGrowthModel;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sendscope bench forecast}: the time to fit, forecast and backtest every LA (goal under
 * 5 s) and to run 1,000 Monte Carlo simulations of every LA (goal under 60 s), each against a
 * reference measured in the same run — the same engine with only the last-value model — and as a
 * ratio to it. Each task runs once to warm up, then three times; the median is compared with the goal.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Time the EHC plan backtest and forecasts for every LA, and 1,000 simulations of every LA.")
public final class BenchForecastCommand extends TableCommand {
    @Option(names = "--simulations", paramLabel = "N", defaultValue = "1000",
            description = "Monte Carlo simulations per LA (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Option(names = "--spark", description = "Also run the backtest as a Spark job (local[2]) and compare the tables.")
    boolean spark;

    @Override
    public Integer call() {
        long t0 = System.nanoTime();
        Panel panel = EhcpPanels.read(options);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        int last = panel.lastStockYear();
        int lastOrigin = Math.min(2022, last - 1);
        int firstOrigin = Math.max(panel.firstStockYear() + 2, lastOrigin - 6);

        Runnable reference = () -> {
            Map<String, ForecastModel> only = new LinkedHashMap<>();
            only.put("last_value", new LastValueModel());
            RollingOrigins ro = new RollingOrigins(panel, only, 3, RollingOrigins.DEFAULT_WINDOW);
            new Backtest(ro).run(List.of("last_value"), firstOrigin, lastOrigin, 3);
            ro.runUpTo(last);
            for (String a : ro.reportingAreas(last)) ro.withIntervals("last_value", last, a, 3);
        };
        Runnable all = () -> {
            EhcpForecasting f = new EhcpForecasting(panel, simulations, RollingOrigins.DEFAULT_WINDOW);
            f.backtest(List.of(), firstOrigin, lastOrigin, 3);
            f.forecast(last, 3, Models.AUTO, List.of());
        };
        int[] areas = {0};
        Runnable monteCarlo = () -> {
            Panel p = panel.asOf(last);
            AgeCohortModel m = new AgeCohortModel(4, simulations, new PooledGrowthModel());
            areas[0] = 0;
            for (var a : p.forecastable()) {
                m.forecast(a, p, 5);
                areas[0]++;
            }
        };
        double ref = Timing.warmMedianSeconds(reference);
        double allSeconds = Timing.warmMedianSeconds(all);
        double mcSeconds = Timing.warmMedianSeconds(monteCarlo);

        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"load the SEN2 series of every LA from the warehouse", round(loadSeconds), null, null, null, null});
        rows.add(new Object[] {"reference: last-value backtest " + firstOrigin + "-" + lastOrigin + " and forecast, every LA",
                round(ref), round(ref), 1.0, null, null});
        rows.add(new Object[] {"fit, forecast and backtest every LA: all models and auto, origins " + firstOrigin + "-"
                + lastOrigin + ", 3 years", round(allSeconds), round(ref), round(allSeconds / ref), 5.0,
                allSeconds < 5 ? "yes" : "no"});
        rows.add(new Object[] {simulations + " Monte Carlo simulations (age cohorts, 5 years) of each of " + areas[0] + " LAs",
                round(mcSeconds), round(ref), round(mcSeconds / ref), 60.0, mcSeconds < 60 ? "yes" : "no"});
        if (spark) {
            try (Warehouse w = options.openReadOnly()) {
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("sendscope-spark");
                org.sendscope.spark.SparkBacktestBench.Result r = org.sendscope.spark.SparkBacktestBench.run(w,
                        firstOrigin, lastOrigin, 3, simulations, dir.toString());
                rows.add(new Object[] {"Spark local[2] session start", round(r.sessionSeconds()), null, null, null, null});
                rows.add(new Object[] {"Spark job: the same backtest (" + r.rows() + " rows; largest difference from "
                        + "the single-machine table " + String.format("%.1e", r.maxDifference()) + ")",
                        round(r.sparkSeconds()), round(ref), round(r.sparkSeconds() / ref), null,
                        r.maxDifference() < 1e-6 ? "same table" : "DIFFERENT"});
            } catch (java.io.IOException e) {
                throw new UserException("cannot create a temporary folder for Spark: " + e.getMessage());
            }
        }
        BenchTable.print(rows, format.format, out());
        return 0;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}

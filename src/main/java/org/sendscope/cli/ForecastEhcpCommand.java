package org.sendscope.cli;

import java.io.PrintWriter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.ForecastStore;
import org.sendscope.forecast.IntervalForecast;
import org.sendscope.forecast.LocalStart;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.forecast.SplitApportionment;
import org.sendscope.report.ResultPrinter;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope forecast ehcp --area CODE | --all --origin YEAR --horizon H [--model NAME|auto]}:
 * EHC plans by January with 80% and 95% prediction intervals, printed and stored (view
 * {@code forecasts}) with the run's inputs and parameters.
 */
@Command(name = "ehcp", mixinStandardHelpOptions = true,
        description = {"Forecast EHC plans (January) for one LA or all, with 80%% and 95%% prediction intervals.",
                "Uses nothing after January ORIGIN and calendar year ORIGIN-1; stores the run (view 'forecasts')."})
public final class ForecastEhcpCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    FormatOption format;
    @Spec
    CommandSpec spec;

    static final class Which {
        @Option(names = "--area", paramLabel = "CODE", split = ",", description = "GSS code(s) of the LA(s), e.g. E06000058.")
        List<String> areas;
        @Option(names = "--all", description = "Every LA reporting in January ORIGIN.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--origin", paramLabel = "YEAR", description = "Last January used (default: the latest in the warehouse).")
    Integer origin;

    @Mixin
    EhcpForecastOptions forecasting;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "auto",
            description = "A model name, or auto: the model with the smallest past error (default: ${DEFAULT-VALUE}).")
    String model;


    @Option(names = "--no-local", description = "Do not start from the LA's own monthly EHC plan counts, even where they are newer than SEN2.")
    boolean noLocal;

    @Override
    public Integer call() throws SQLException {
        int horizon = forecasting.horizon();
        try (Warehouse w = options.openForWriting()) {
            Panel panel = EhcpPanels.load(w);
            EhcpForecasting f = forecasting.engine(panel);
            int o = origin == null ? panel.lastStockYear() : origin;
            EhcpPanels.checkOrigin(f, o, "--origin");
            EhcpPanels.checkModels(f, List.of(model));
            List<String> codes = which.all ? List.of() : which.areas;
            // splits as known at the origin: a successor without a January of its own then is apportioned (0175)
            List<SplitApportionment.Split> splits = SplitApportionment.splits(w, panel.asOf(o));
            List<String> notes = new java.util.ArrayList<>();
            for (String c : codes) {
                SplitApportionment.Split split = SplitApportionment.splitOf(splits, c, panel);
                if (split != null) {
                    if (split.shares().isEmpty()) throw new UserException(split.missing());
                    notes.add(SplitApportionment.historyNote(split, split.share(c), panel, o));
                    continue;
                }
                if (panel.area(c) == null) throw new UserException("no EHC plan series for area " + c + " in the warehouse");
                if (!panel.area(c).stock().has(o)) {
                    throw new UserException("area " + c + " (" + panel.area(c).name() + ") has no January " + o
                            + " figure to forecast from");
                }
            }
            List<IntervalForecast> rows = f.forecast(o, horizon, model, SplitApportionment.areasToFit(splits, codes, panel));
            if (rows.isEmpty()) throw new UserException("model " + model + " cannot forecast the area(s) asked from " + o);
            if (!noLocal) rows = LocalStart.apply(w, panel, rows, notes);
            rows = SplitApportionment.apply(splits, rows, notes);
            if (!codes.isEmpty()) {
                // a successor asked for gets its own rows; a predecessor asked for, its successors' beyond the split
                rows = rows.stream().filter(r -> codes.contains(r.areaCode())
                        || codes.contains(String.valueOf(r.parameters().get("apportioned_from")))).toList();
                if (rows.isEmpty()) {
                    throw new UserException("the area(s) asked have no January from " + (o + 1) + " to " + (o + horizon)
                            + " of their own: a successor is forecast from the first January after its split");
                }
            }
            String command = "sendscope forecast ehcp " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
            long run = ForecastStore.save(w, new ForecastStore.Run("ehc_plans", o, horizon, model, f.settings(), command), rows);
            print(w, run);
            if (format.format == org.sendscope.report.TableFormat.table) {
                double mcError = rows.stream().filter(r -> r.mcStdError() != null)
                        .mapToDouble(r -> r.mcStdError()).max().orElse(Double.NaN);
                if (!Double.isNaN(mcError)) {
                    spec.commandLine().getOut().printf("Monte Carlo (%d simulations an area): the error of the simulation "
                            + "mean is at most %.1f plans (mc_std_error in the view); it is not a prediction interval.%n",
                            forecasting.simulations(), mcError);
                }
                for (String n : notes) spec.commandLine().getOut().println(n);
                spec.commandLine().getOut().println("Stored as run " + run + " (SELECT * FROM forecasts WHERE run_id = "
                        + run + "); intervals from past out-of-sample errors (docs/decisions/0040).");
                spec.commandLine().getOut().flush();
            } else {
                // csv and json stay machine-readable on stdout; what a reader must know goes to stderr
                for (String n : notes) spec.commandLine().getErr().println(n);
                spec.commandLine().getErr().flush();
            }
        }
        return 0;
    }

    private void print(Warehouse w, long run) throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        try (PreparedStatement p = w.connection().prepareStatement("""
                SELECT area_code, area_name, target_year, model, breakdown,
                       round(point) AS point, round(lo80) AS lo80, round(hi80) AS hi80,
                       round(lo95) AS lo95, round(hi95) AS hi95
                FROM forecasts WHERE run_id = ?
                ORDER BY area_code, target_year, breakdown <> 'total', breakdown""")) {
            p.setLong(1, run);
            try (ResultSet rs = p.executeQuery()) {
                ResultPrinter.print(rs, format.format, out);
            }
        }
    }
}

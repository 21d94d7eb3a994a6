package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EHC plan forecasting in the users' terms: a backtest over a range of origins, or forecasts for
 * some or all LAs from one origin, each model fitted only on what was known at its origin.
 */
public final class EhcpForecasting {
    private final Panel panel;
    private final Map<String, ForecastModel> models;
    private final int simulations;
    private final int window;
    private final java.util.Map<Integer, RollingOrigins> engines = new java.util.HashMap<>();

    public EhcpForecasting(Panel panel, int simulations, int window) {
        this.panel = panel;
        this.simulations = simulations;
        this.window = window;
        this.models = Models.all(simulations);
    }

    public EhcpForecasting(Panel panel) {
        this(panel, Models.DEFAULT_SIMULATIONS, RollingOrigins.DEFAULT_WINDOW);
    }

    public Panel panel() {
        return panel;
    }

    /** Every model name, and {@code auto}. */
    public List<String> modelNames() {
        List<String> names = new ArrayList<>(models.keySet());
        names.add(Models.AUTO);
        return names;
    }

    /** The earliest origin the engine can fit (three Januaries of history). */
    public int firstOrigin() {
        return panel.firstStockYear() + 2;
    }

    /** The backtest table for {@code modelNames} (all models and auto when empty). */
    public List<Backtest.Row> backtest(List<String> modelNames, int from, int to, int horizon) {
        RollingOrigins ro = engine(horizon);
        return new Backtest(ro).run(modelNames.isEmpty() ? modelNames() : modelNames, from, to, horizon);
    }

    /** The same backtest's scores per origin (all models and auto when {@code modelNames} is empty). */
    public List<Backtest.OriginRow> backtestByOrigin(List<String> modelNames, int from, int to, int horizon) {
        List<String> names = modelNames.isEmpty() ? modelNames() : modelNames;
        Backtest b = new Backtest(engine(horizon));
        b.run(names, from, to, horizon);
        return b.byOrigin(names);
    }

    /**
     * The backtest of the parts of {@code dimension} ({@code placement}: placement_shares' groups;
     * {@code age}: age_cohort's bands) against carrying the last shares forward.
     */
    public List<PartsBacktest.Row> partsBacktest(String dimension, int from, int to, int horizon) {
        return new PartsBacktest(engine(horizon)).run(partsModel(dimension), dimension, from, to, horizon);
    }

    /** The model whose parts of {@code dimension} are forecast. */
    public static String partsModel(String dimension) {
        return switch (dimension) {
            case "placement" -> "placement_shares";
            case "age" -> "age_cohort";
            default -> throw new IllegalArgumentException("no model forecasts parts of " + dimension);
        };
    }

    /** Forecasts from January {@code origin}, 1..{@code horizon} years ahead, for {@code areas} (all when empty). */
    public List<IntervalForecast> forecast(int origin, int horizon, String model, List<String> areas) {
        RollingOrigins ro = engine(horizon).runUpTo(origin);
        List<IntervalForecast> out = new ArrayList<>();
        List<String> codes = areas.isEmpty() ? ro.reportingAreas(origin) : areas;
        for (String code : codes) out.addAll(ro.withIntervals(model, origin, code, horizon));
        return out;
    }

    /** One engine per horizon, so that a backtest and a forecast share their fits. */
    private RollingOrigins engine(int horizon) {
        return engines.computeIfAbsent(horizon, h -> new RollingOrigins(panel, models, h, window));
    }

    /** The engine's settings, for provenance. */
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("models", new ArrayList<>(models.keySet()));
        m.put("auto_candidates", Models.candidates(models));
        m.put("interval_method", "symmetric empirical quantiles of past out-of-sample log errors, by horizon, "
                + "pooled across LAs, targets no later than the origin (docs/decisions/0040)");
        m.put("interval_window_origins", window == 0 ? "all" : window);
        m.put("simulations", simulations);
        m.put("first_origin", firstOrigin());
        return m;
    }
}

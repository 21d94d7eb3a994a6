package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every model fitted at every origin: for origin January O, each model sees only
 * {@code panel.asOf(O)} and forecasts every area reporting in January O, one to {@code horizon}
 * years ahead. These out-of-sample forecasts serve three purposes: the backtest scores them, the
 * interval calibrator turns the errors of earlier origins into intervals for later ones, and
 * {@code auto} picks, at each origin, the model with the smallest past error. Origins start when
 * the panel has three Januaries.
 */
public final class RollingOrigins {
    private final Panel full;
    private final Map<String, ForecastModel> models;
    private final int horizon;
    private final int window;
    private final int firstOrigin;
    private final Map<String, TreeMap<Integer, Map<String, ModelForecast>>> forecasts = new LinkedHashMap<>();
    private final Map<String, double[][]> quantileCache = new HashMap<>();
    private final Map<String, String> autoCache = new HashMap<>();
    private final Map<Integer, Calibration> calibrationCache = new HashMap<>();
    private final Map<Integer, List<String>> reporting = new HashMap<>();

    /**
     * @param full    everything loaded (origins are applied here)
     * @param models  the models to fit
     * @param horizon the longest horizon, in years
     * @param window  how many recent origins' errors calibrate an interval (0 = all)
     */
    public RollingOrigins(Panel full, Map<String, ForecastModel> models, int horizon, int window) {
        this.full = full;
        this.models = models;
        this.horizon = horizon;
        this.window = window;
        this.firstOrigin = full.firstStockYear() + 2;
        for (String m : models.keySet()) forecasts.put(m, new TreeMap<>());
    }

    /** The default calibration window: the last two origins with a scored target at each horizon (docs/decisions/0172). */
    public static final int DEFAULT_WINDOW = 2;

    public int firstOrigin() {
        return firstOrigin;
    }

    public Panel full() {
        return full;
    }

    public Map<String, ForecastModel> models() {
        return models;
    }

    /** Fits every model at every origin up to {@code lastOrigin} not yet done. */
    public RollingOrigins runUpTo(int lastOrigin) {
        for (int o = firstOrigin; o <= lastOrigin; o++) {
            final int origin = o;
            if (forecasts.values().iterator().next().containsKey(origin)) continue;
            Panel p = full.asOf(origin);
            List<AreaHistory> areas = p.forecastable();
            reporting.put(origin, areas.stream().map(AreaHistory::code).toList());
            for (Map.Entry<String, ForecastModel> m : models.entrySet()) {
                Map<String, ModelForecast> byArea = new LinkedHashMap<>();
                for (AreaHistory a : areas) {
                    ModelForecast f = m.getValue().forecast(a, p, horizon);
                    if (f != null) byArea.put(a.code(), f);
                }
                forecasts.get(m.getKey()).put(origin, byArea);
            }
        }
        return this;
    }

    /** The raw forecast of {@code model} for {@code area} from {@code origin}, or null. */
    public ModelForecast forecast(String model, int origin, String area) {
        Map<String, ModelForecast> m = forecasts.get(model).get(origin);
        return m == null ? null : m.get(area);
    }

    /** The areas forecast by {@code model} from {@code origin}. */
    public List<String> areas(String model, int origin) {
        Map<String, ModelForecast> m = forecasts.get(model).get(origin);
        return m == null ? List.of() : new ArrayList<>(m.keySet());
    }

    /** The areas reporting a stock in January {@code origin} (after {@link #runUpTo}). */
    public List<String> reportingAreas(int origin) {
        return reporting.getOrDefault(origin, List.of());
    }

    /** The published January value of an area under its own code (NaN if none). */
    public double actual(String area, int year) {
        AreaHistory a = full.area(area);
        return a == null ? Double.NaN : a.stock().get(year);
    }

    /**
     * What a forecast from {@code origin} is calibrated on: every model's errors of earlier origins
     * whose target is no later than January {@code origin}, in this engine's window (after {@link #runUpTo}).
     */
    public Calibration calibration(int origin) {
        return calibrationCache.computeIfAbsent(origin, o -> {
            Calibration c = new Calibration(o, firstOrigin, horizon, window);
            for (Map.Entry<String, TreeMap<Integer, Map<String, ModelForecast>>> m : forecasts.entrySet()) {
                for (Map.Entry<Integer, Map<String, ModelForecast>> e : m.getValue().headMap(o, false).entrySet()) {
                    for (Map.Entry<String, ModelForecast> f : e.getValue().entrySet()) {
                        for (int h = 1; h <= horizon; h++) {
                            if (!c.counts(e.getKey(), h)) continue;
                            c.add(m.getKey(), e.getKey(), h, f.getValue().point()[h - 1],
                                    actual(f.getKey(), e.getKey() + h), f.getValue().logScale()[h - 1]);
                        }
                    }
                }
            }
            return c;
        });
    }

    /** The calibrated quantiles of scaled errors for {@code model} at origin {@code origin}, per horizon. */
    public double[][] quantiles(String model, int origin) {
        return quantileCache.computeIfAbsent(model + "|" + origin, k -> calibration(origin).quantiles(model));
    }

    /**
     * The model {@code auto} uses at {@code origin} for horizon {@code h}: the candidate with the
     * smallest mean absolute log error over the same past forecasts the intervals use, each error
     * weighted by {@link #recencyWeight} ({@link Calibration#autoChoice}).
     */
    public String autoChoice(int origin, int h, List<String> candidates) {
        return autoCache.computeIfAbsent(origin + "|" + h + "|" + candidates,
                k -> calibration(origin).autoChoice(candidates, h));
    }

    /**
     * How much an error whose target was January {@code target} counts in {@code auto}'s choice at
     * {@code origin}: half as much for each year further back (docs/decisions/0171), so a model
     * that has been better over the last two Januaries wins even if an older regime favoured another.
     */
    public static double recencyWeight(int origin, int target) {
        return Math.pow(0.5, (origin - target) / AUTO_HALF_LIFE_YEARS);
    }

    /** The half-life, in years, of a past error's weight in {@code auto}'s choice. */
    public static final double AUTO_HALF_LIFE_YEARS = 1.0;

    /** {@code x} rounded to 12 decimal places. */
    public static double roundTo12(double x) {
        return Math.round(x * 1e12) / 1e12;
    }

    /**
     * Forecasts with intervals of {@code model} (or {@link Models#AUTO}) from {@code origin} for one
     * area, one row per horizon; empty if the model cannot forecast it.
     */
    public List<IntervalForecast> withIntervals(String model, int origin, String area, int upTo) {
        runUpTo(origin);
        List<IntervalForecast> out = new ArrayList<>();
        List<String> candidates = Models.candidates(models);
        for (int h = 1; h <= Math.min(upTo, horizon); h++) {
            String m = Models.AUTO.equals(model) ? autoChoice(origin, h, candidates) : model;
            ModelForecast f = forecast(m, origin, area);
            if (f == null) continue;
            double[] q = quantiles(m, origin)[h - 1];
            double p = f.point()[h - 1];
            double s = f.logScale()[h - 1];
            double lo95 = Double.NaN, lo80 = Double.NaN, hi80 = Double.NaN, hi95 = Double.NaN;
            if (q != null) {
                lo95 = p * Math.exp(q[0] * s);
                lo80 = p * Math.exp(q[1] * s);
                hi80 = p * Math.exp(q[2] * s);
                hi95 = p * Math.exp(q[3] * s);
            }
            Map<String, Double> parts = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> b : f.breakdown().entrySet()) parts.put(b.getKey(), b.getValue()[h - 1]);
            AreaHistory a = full.area(area);
            out.add(new IntervalForecast(area, a == null ? area : a.name(), origin, origin + h, h, m,
                    Models.AUTO.equals(model) ? "auto" : "given", p, lo80, hi80, lo95, hi95,
                    f.mcMean() == null ? null : f.mcMean()[h - 1],
                    f.mcStdError() == null ? null : f.mcStdError()[h - 1], f.parameters(), parts));
        }
        return out;
    }
}

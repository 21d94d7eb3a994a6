package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rolling-origin backtest: every model forecasts from each origin in a range using only what was
 * known then, and is scored on the Januaries that followed. Only forecasts every listed model made
 * are scored (so each row has the same n), and only against an area's own published value (a
 * successor is not scored before it reported, a predecessor not after it ceased).
 */
public final class Backtest {
    /** The quantile levels the pinball loss averages over, matching lo95, lo80, point, hi80, hi95. */
    private static final double[] PINBALL_LEVELS = {0.025, 0.10, 0.50, 0.90, 0.975};

    /**
     * Accuracy of one model at one horizon.
     *
     * @param mape    mean absolute percentage error
     * @param wape    weighted absolute percentage error: sum |error| / sum actual, %
     * @param bias    mean percentage error (forecast − actual) / actual, %; negative is under-forecasting
     * @param cov80   share of actuals inside the 80% interval, %
     * @param cov95   share of actuals inside the 95% interval, %
     * @param pinball mean pinball loss over the 2.5/10/50/90/97.5% quantiles, as % of the actual
     */
    public record Row(String model, int horizon, int n, double mape, double wape, double bias, double cov80,
            double cov95, double pinball) {
    }

    /** One model's accuracy at one horizon from one origin (the pooled row's measures). */
    public record OriginRow(int origin, Row row) {
    }

    private final RollingOrigins origins;
    private Map<String, Map<String, IntervalForecast>> lastScored;
    private Set<String> lastCommon;
    private int lastFrom, lastTo, lastHorizon;

    public Backtest(RollingOrigins origins) {
        this.origins = origins;
    }

    /** Scores {@code models} (names, or {@code auto}) from origins {@code from..to}, horizons 1..{@code horizon}. */
    public List<Row> run(List<String> models, int from, int to, int horizon) {
        if (from < origins.firstOrigin()) {
            throw new IllegalArgumentException("the first origin with three Januaries before it is " + origins.firstOrigin());
        }
        origins.runUpTo(to);
        // Forecasts per model, keyed by origin|area|h; then keep the keys every model has.
        Map<String, Map<String, IntervalForecast>> byModel = new HashMap<>();
        Set<String> common = null;
        for (String m : models) {
            Map<String, IntervalForecast> keyed = new HashMap<>();
            for (int o = from; o <= to; o++) {
                for (String area : origins.reportingAreas(o)) {
                    for (IntervalForecast f : origins.withIntervals(m, o, area, horizon)) {
                        double actual = origins.actual(area, f.targetYear());
                        if (Double.isNaN(actual) || Double.isNaN(f.lo80())) continue;
                        keyed.put(o + "|" + area + "|" + f.horizon(), f);
                    }
                }
            }
            byModel.put(m, keyed);
            if (common == null) common = new HashSet<>(keyed.keySet());
            else common.retainAll(keyed.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String m : models) {
            for (int h = 1; h <= horizon; h++) {
                Row r = score(m, h, byModel.get(m), common, Integer.MIN_VALUE);
                if (r != null) rows.add(r);
            }
        }
        lastScored = byModel;
        lastCommon = common;
        lastFrom = from;
        lastTo = to;
        lastHorizon = horizon;
        return rows;
    }

    /**
     * The last {@link #run}'s scores split by origin: the same forecasts, so a row's n is that
     * origin's share of the pooled n. Shows whether a model lags a turn of the trend, which a pooled
     * MAPE averages away.
     */
    public List<OriginRow> byOrigin(List<String> models) {
        if (lastScored == null) throw new IllegalStateException("run the backtest first");
        List<OriginRow> out = new ArrayList<>();
        for (String m : models) {
            for (int o = lastFrom; o <= lastTo; o++) {
                for (int h = 1; h <= lastHorizon; h++) {
                    Row r = score(m, h, lastScored.get(m), lastCommon, o);
                    if (r != null) out.add(new OriginRow(o, r));
                }
            }
        }
        return out;
    }

    /** The scores of {@code m} at horizon {@code h} over the common forecasts (of one origin, unless MIN_VALUE). */
    private Row score(String m, int h, Map<String, IntervalForecast> forecasts, Set<String> common, int origin) {
        int n = 0, in80 = 0, in95 = 0;
        double ape = 0, absSum = 0, actSum = 0, pe = 0, pin = 0;
        String prefix = origin + "|";
        for (String key : common) {
            if (!key.endsWith("|" + h)) continue;
            if (origin != Integer.MIN_VALUE && !key.startsWith(prefix)) continue;
            IntervalForecast f = forecasts.get(key);
            double y = origins.actual(f.areaCode(), f.targetYear());
            double err = f.point() - y;
            n++;
            ape += Math.abs(err) / y;
            absSum += Math.abs(err);
            actSum += y;
            pe += err / y;
            if (f.covers80(y)) in80++;
            if (f.covers95(y)) in95++;
            double[] q = {f.lo95(), f.lo80(), f.point(), f.hi80(), f.hi95()};
            double loss = 0;
            for (int i = 0; i < q.length; i++) {
                double d = y - q[i];
                loss += Math.max(PINBALL_LEVELS[i] * d, (PINBALL_LEVELS[i] - 1) * d);
            }
            pin += loss / q.length / y;
        }
        if (n == 0) return null;
        return new Row(m, h, n, 100 * ape / n, 100 * absSum / actSum, 100 * pe / n, 100.0 * in80 / n,
                100.0 * in95 / n, 100 * pin / n);
    }
}

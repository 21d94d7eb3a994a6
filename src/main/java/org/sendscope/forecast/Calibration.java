package org.sendscope.forecast;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a forecast from January {@code at} learns from the past: the out-of-sample errors of every
 * model at earlier origins, fed in one at a time in any order, give each model's interval quantiles
 * per horizon ({@link IntervalCalibrator}) and the recency-weighted mean absolute error by which
 * {@code auto} chooses (docs/decisions/0040, 0171, 0172, 0176). The one home of the window and
 * weighting rules: the single-machine engine ({@link RollingOrigins}) and the Spark forecast job
 * both feed their errors here.
 *
 * <p>An error counts when its target is no later than January {@code at} and its origin is among
 * the {@code window} latest origins with a target known at its horizon (all from the first origin
 * when the window is 0).
 */
public final class Calibration implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One model's calibration: quantiles per horizon (null where too few errors), error counts, weighted MAE. */
    public record Summary(String model, double[][] quantiles, int[] errors, double[] weightedMae) implements Serializable {
    }

    private final int at;
    private final int firstOrigin;
    private final int horizon;
    private final int window;
    private final Map<String, List<List<Double>>> scaled = new LinkedHashMap<>();
    private final Map<String, double[]> absSum = new HashMap<>();
    private final Map<String, double[]> weightSum = new HashMap<>();

    /**
     * @param at          the forecast's origin: errors must have a target no later than this January
     * @param firstOrigin the first origin any model was fitted at
     * @param horizon     the longest horizon
     * @param window      how many recent origins' errors count at each horizon (0 = all)
     */
    public Calibration(int at, int firstOrigin, int horizon, int window) {
        this.at = at;
        this.firstOrigin = firstOrigin;
        this.horizon = horizon;
        this.window = window;
    }

    /** Whether an error of a forecast from {@code origin} at horizon {@code h} counts for a forecast from {@link #at}. */
    public boolean counts(int origin, int h) {
        if (h < 1 || h > horizon) return false;
        int lastOrigin = at - h;
        int from = Math.max(firstOrigin, window > 0 ? lastOrigin - window + 1 : Integer.MIN_VALUE);
        return origin >= from && origin <= lastOrigin;
    }

    /**
     * Adds one past forecast of {@code model} from {@code origin} at horizon {@code h}: its point,
     * the published January it is scored on, and the model's log scale. Ignored when it does not
     * count (outside the window, target after {@link #at}, no positive actual).
     */
    public void add(String model, int origin, int h, double point, double actual, double scale) {
        if (!counts(origin, h) || Double.isNaN(actual) || !(actual > 0)) return;
        double err = Math.log(actual / point);
        scaled.computeIfAbsent(model, k -> IntervalCalibrator.emptyPool(horizon)).get(h - 1).add(err / scale);
        double w = RollingOrigins.recencyWeight(at, origin + h);
        absSum.computeIfAbsent(model, k -> new double[horizon])[h - 1] += w * Math.abs(err);
        weightSum.computeIfAbsent(model, k -> new double[horizon])[h - 1] += w;
    }

    /** The models with at least one error. */
    public List<String> models() {
        return List.copyOf(scaled.keySet());
    }

    /** {@code model}'s quantiles, error counts and weighted mean absolute log error per horizon. */
    public Summary summary(String model) {
        List<List<Double>> pool = scaled.getOrDefault(model, IntervalCalibrator.emptyPool(horizon));
        int[] n = new int[horizon];
        double[] mae = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            n[h] = pool.get(h).size();
            // rounded so that ties (a model falling back to another) do not depend on the order of the sum
            mae[h] = n[h] == 0 ? Double.NaN : RollingOrigins.roundTo12(absSum.get(model)[h] / weightSum.get(model)[h]);
        }
        return new Summary(model, IntervalCalibrator.quantiles(pool), n, mae);
    }

    /** {@code model}'s interval quantiles per horizon (lo95, lo80, hi80, hi95 of the scaled error; null where too few). */
    public double[][] quantiles(String model) {
        return summary(model).quantiles();
    }

    /** auto's model at horizon {@code h} among {@code candidates}, from this calibration's errors. */
    public String autoChoice(List<String> candidates, int h) {
        Map<String, Summary> s = new HashMap<>();
        for (String m : candidates) s.put(m, summary(m));
        return autoChoice(candidates, s, h);
    }

    /**
     * auto's model at horizon {@code h}: the first of {@code candidates} with the smallest weighted
     * past mean absolute log error among those with at least {@link IntervalCalibrator#MIN_ERRORS}
     * errors; the first candidate when none has (docs/decisions/0171).
     */
    public static String autoChoice(List<String> candidates, Map<String, Summary> summaries, int h) {
        String best = null;
        double bestErr = Double.POSITIVE_INFINITY;
        for (String m : candidates) {
            Summary s = summaries.get(m);
            if (s == null || s.errors()[h - 1] < IntervalCalibrator.MIN_ERRORS) continue;
            if (s.weightedMae()[h - 1] < bestErr) {
                bestErr = s.weightedMae()[h - 1];
                best = m;
            }
        }
        return best == null ? candidates.get(0) : best;
    }
}

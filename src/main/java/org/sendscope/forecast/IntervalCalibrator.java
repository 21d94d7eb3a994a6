package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sendscope.analysis.Quantiles;

/**
 * Prediction intervals from a model's own past out-of-sample errors (docs/decisions/0040): for a
 * forecast from origin January O at horizon h, the errors log(actual / forecast) / scale of the
 * same model at horizon h, pooled across LAs, from origins whose target year is no later than O,
 * give the empirical quantiles of the absolute error that turn the point into an interval:
 * point × exp(±q × scale). With too few errors at a horizon, the quantiles
 * of the nearest shorter horizon are widened by sqrt(h / h').
 */
public final class IntervalCalibrator {
    /** Fewest pooled errors a horizon needs to give its own quantiles. */
    public static final int MIN_ERRORS = 60;
    /** The quantile levels an interval stands for: lo95, lo80, hi80, hi95. */
    public static final double[] LEVELS = {0.025, 0.10, 0.90, 0.975};

    private IntervalCalibrator() {
    }

    /** Quantiles {@link #LEVELS} of the errors at each horizon 1..H, or null where there are too few. */
    public static double[][] quantiles(List<List<Double>> errorsByHorizon) {
        int hMax = errorsByHorizon.size();
        double[][] q = new double[hMax][];
        for (int h = 1; h <= hMax; h++) {
            List<Double> e = errorsByHorizon.get(h - 1);
            if (e.size() >= MIN_ERRORS) {
                q[h - 1] = levels(e);
                continue;
            }
            for (int shorter = h - 1; shorter >= 1; shorter--) {
                if (q[shorter - 1] != null && errorsByHorizon.get(shorter - 1).size() >= MIN_ERRORS) {
                    double widen = Math.sqrt((double) h / shorter);
                    q[h - 1] = new double[LEVELS.length];
                    for (int i = 0; i < LEVELS.length; i++) q[h - 1][i] = q[shorter - 1][i] * widen;
                    break;
                }
            }
        }
        return q;
    }

    /**
     * The 95% and 80% central intervals as quantiles of the absolute error, mirrored: an interval
     * symmetric (in logs) around the point. Signed quantiles would also carry the past's bias into
     * the interval; when growth turned (2015–2017 under-forecasts, 2019–2021 over-forecasts) that
     * pushed intervals the wrong way and coverage at two and three years fell to 63–66%.
     */
    static double[] levels(List<Double> errors) {
        double[] a = new double[errors.size()];
        for (int i = 0; i < a.length; i++) a[i] = Math.abs(errors.get(i));
        Arrays.sort(a);
        double q80 = Quantiles.quantile(a, 0.80);
        double q95 = Quantiles.quantile(a, 0.95);
        return new double[] {-q95, -q80, q80, q95};
    }

    /** An empty error list per horizon. */
    public static List<List<Double>> emptyPool(int horizon) {
        List<List<Double>> pool = new ArrayList<>();
        for (int h = 0; h < horizon; h++) pool.add(new ArrayList<>());
        return pool;
    }
}

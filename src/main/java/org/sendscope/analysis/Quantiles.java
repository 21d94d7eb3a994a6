package org.sendscope.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * Quantiles and the median: the one definition for LAIT's quartile bands, the neighbours' median,
 * the forecasts' simulations and intervals, the scenarios' percentiles and the benchmarks' timings.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The type-7 p-quantile of sorted values (Hyndman and Fan's type 7, R's default
     * {@code quantile(x, p, type = 7)}: linear between order statistics, at 1 + (n - 1)p).
     */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The median of {@code xs}: the middle one, or the mean of the middle two; NaN when there are none. */
    public static double median(double... xs) {
        if (xs.length == 0) return Double.NaN;
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The median of {@code xs}, or {@code ifNone} when there are none. */
    public static double median(Collection<? extends Number> xs, double ifNone) {
        return xs.isEmpty() ? ifNone : median(xs.stream().mapToDouble(Number::doubleValue).toArray());
    }
}

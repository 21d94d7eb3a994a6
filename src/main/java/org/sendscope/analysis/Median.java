package org.sendscope.analysis;

import java.util.Arrays;
import java.util.Collection;

/**
 * The median of some numbers: the middle one, or the mean of the middle two. The one definition
 * for the forecasts' pooled variances and the benchmarks' timings alike.
 */
public final class Median {
    private Median() {
    }

    /** The median of {@code xs}; NaN when there are none. */
    public static double of(double... xs) {
        if (xs.length == 0) return Double.NaN;
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The median of {@code xs}, or {@code ifNone} when there are none. */
    public static double of(Collection<? extends Number> xs, double ifNone) {
        return xs.isEmpty() ? ifNone : of(xs.stream().mapToDouble(Number::doubleValue).toArray());
    }
}

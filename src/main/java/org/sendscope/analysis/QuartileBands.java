package org.sendscope.analysis;

import java.util.Arrays;

/**
 * LAIT's quartile bands A–D (A best) for one measure and year (docs/decisions/0051).
 *
 * <p>The cut points are the minimum, the three quartiles and the maximum of the ranked LAs' values,
 * the quartiles by linear interpolation between order statistics (Hyndman and Fan's type 7, R's
 * default: the p-quantile of n sorted values is at position 1 + (n - 1)p). Bands are ranges of
 * value: [min, Q1], (Q1, Q2], (Q2, Q3], (Q3, max] — so a value on a cut point sits in the lower
 * band, as LAIT does. For a lower-is-better measure the lowest range is A; for a higher-is-better
 * one it is D. A neutral measure is banded highest-first (A = highest values), and says so.
 */
public record QuartileBands(double q1, double q2, double q3) {

    /** Bands with the given cut points (min and max are not needed to band a value). */
    public static QuartileBands ofCutPoints(double q1, double q2, double q3) {
        return new QuartileBands(q1, q2, q3);
    }

    /** Bands cut at the type-7 quartiles of {@code values} (NaN ignored). */
    public static QuartileBands ofValues(double... values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) throw new IllegalArgumentException("no values to cut into quartiles");
        return new QuartileBands(Quantiles.quantile(v, 0.25), Quantiles.quantile(v, 0.5), Quantiles.quantile(v, 0.75));
    }


    /** The band, 'A' (best quarter) to 'D', of {@code value} for a measure of this polarity. */
    public char band(double value, Polarity polarity) {
        // 1 = lowest range of values … 4 = highest; a value on a cut point takes the lower range.
        int range = value <= q1 ? 1 : value <= q2 ? 2 : value <= q3 ? 3 : 4;
        int best = polarity == Polarity.LOWER_IS_BETTER ? range : 5 - range;
        return (char) ('A' + best - 1);
    }
}

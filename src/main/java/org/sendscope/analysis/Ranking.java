package org.sendscope.analysis;

/**
 * Rank among LAs, 1 = best: a higher-is-better measure ranks its highest value first, a
 * lower-is-better one its lowest. Ties share the best rank they span, and the next rank skips
 * (10, 20, 20, 30, 40 higher-is-better rank 5, 3, 3, 2, 1), as SQL's {@code rank()} and LAIT do.
 * A neutral measure is ranked highest-first.
 */
public final class Ranking {
    private Ranking() {
    }

    /** The rank of each value among {@code values} (NaN is not ranked: its rank is 0). */
    public static int[] ranks(double[] values, Polarity polarity) {
        int[] r = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) continue;
            int better = 0;
            for (double other : values) {
                if (!Double.isNaN(other) && isBetter(other, values[i], polarity)) better++;
            }
            r[i] = better + 1;
        }
        return r;
    }

    /** True when {@code a} is strictly better than {@code b}. */
    static boolean isBetter(double a, double b, Polarity polarity) {
        return polarity == Polarity.LOWER_IS_BETTER ? a < b : a > b;
    }
}

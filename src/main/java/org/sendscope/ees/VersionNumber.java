package org.sendscope.ees;

import java.util.Arrays;

/**
 * A data set version number as EES writes it ({@code 1.0}, {@code 1.10}, {@code 2.0.1}), ordered
 * part by part as numbers: {@code 1.10} is after {@code 1.9}, which text order gets wrong.
 */
public final class VersionNumber {
    private VersionNumber() {
    }

    /** Negative, zero or positive as {@code a} is before, the same as or after {@code b}. */
    public static int compare(String a, String b) {
        int[] x = parts(a);
        int[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) return c;
        }
        return 0;
    }

    /** True when {@code candidate} is a later version than {@code current}. */
    public static boolean isNewer(String candidate, String current) {
        return compare(candidate, current) > 0;
    }

    private static int[] parts(String v) {
        if (v == null || !v.strip().matches("\\d{1,6}(\\.\\d{1,6}){0,3}")) {
            throw new EesException("'" + v + "' is not a data set version (expected numbers such as 1.0 or 2.1)");
        }
        return Arrays.stream(v.strip().split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}

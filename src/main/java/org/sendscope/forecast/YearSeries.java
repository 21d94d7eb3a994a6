package org.sendscope.forecast;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * An annual series: one value per year (a January count, or a calendar-year flow), {@code NaN} where
 * a year is missing or suppressed. Immutable.
 */
public final class YearSeries {
    private static final YearSeries EMPTY = new YearSeries(0, new double[0]);

    private final int firstYear;
    private final double[] values;

    private YearSeries(int firstYear, double[] values) {
        this.firstYear = firstYear;
        this.values = values;
    }

    /** A series starting in {@code firstYear}. */
    public static YearSeries of(int firstYear, double... values) {
        return values.length == 0 ? EMPTY : new YearSeries(firstYear, values.clone());
    }

    /** The series with no years. */
    public static YearSeries empty() {
        return EMPTY;
    }

    /** A series from year → value (gaps become NaN). */
    public static YearSeries fromMap(Map<Integer, Double> byYear) {
        if (byYear.isEmpty()) return EMPTY;
        TreeMap<Integer, Double> sorted = new TreeMap<>(byYear);
        int first = sorted.firstKey();
        double[] v = new double[sorted.lastKey() - first + 1];
        Arrays.fill(v, Double.NaN);
        sorted.forEach((y, x) -> v[y - first] = x == null ? Double.NaN : x);
        return new YearSeries(first, v);
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public int firstYear() {
        return firstYear;
    }

    /** The last year the series covers (may hold NaN). */
    public int lastYear() {
        return firstYear + values.length - 1;
    }

    /** The value in {@code year}, NaN if the series has none. */
    public double get(int year) {
        int i = year - firstYear;
        return i < 0 || i >= values.length ? Double.NaN : values[i];
    }

    /** True when {@code year} has a number. */
    public boolean has(int year) {
        return !Double.isNaN(get(year));
    }

    /** The same series without any year after {@code year}. */
    public YearSeries upTo(int year) {
        if (isEmpty() || year >= lastYear()) return this;
        if (year < firstYear) return EMPTY;
        return new YearSeries(firstYear, Arrays.copyOf(values, year - firstYear + 1));
    }

    /**
     * The unbroken run of reported values ending at {@code year} (oldest first); empty when
     * {@code year} itself is missing.
     */
    public double[] runEndingAt(int year) {
        int end = year;
        int start = end;
        while (has(start - 1)) start--;
        if (!has(end)) return new double[0];
        double[] out = new double[end - start + 1];
        for (int y = start; y <= end; y++) out[y - start] = get(y);
        return out;
    }

    /** A copy with {@code year} set to {@code value}, extending the series if needed. */
    public YearSeries with(int year, double value) {
        TreeMap<Integer, Double> m = toMap();
        m.put(year, value);
        return fromMap(m);
    }

    /** Year → value for the years with a number. */
    public TreeMap<Integer, Double> toMap() {
        TreeMap<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) if (!Double.isNaN(values[i])) m.put(firstYear + i, values[i]);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YearSeries s && s.toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return toMap().toString();
    }
}

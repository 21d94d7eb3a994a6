package org.sendscope.finance;

/**
 * A number in a scenario with where it came from (a paper and paragraph, a warehouse query, or
 * "assumption") and, optionally, the range a sensitivity test or simulation may move it over.
 *
 * @param value  the figure
 * @param source where it came from; never blank
 * @param low    lowest plausible value, or NaN when no range is stated
 * @param high   highest plausible value, or NaN
 */
public record Figure(double value, String source, double low, double high) {

    public static Figure of(double value, String source) {
        return new Figure(value, source, Double.NaN, Double.NaN);
    }

    public boolean hasRange() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    public Figure withValue(double v) {
        return new Figure(v, source, low, high);
    }
}

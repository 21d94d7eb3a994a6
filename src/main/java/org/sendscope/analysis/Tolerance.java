package org.sendscope.analysis;

/**
 * The two tolerances the trend rules use, in one place so that the Java and the SQL views
 * ({@code sql/views/150_analysis_macros.sql}) say the same thing (docs/decisions/0050).
 *
 * <ul>
 *   <li><b>Flat</b>: a change is "flat" when it is no bigger than 0.5 percentage points for a
 *       percentage or rate, or 1% of the earlier value for anything else (counts, weeks, pounds).</li>
 *   <li><b>Amber band</b>: a value worse than its target is amber when within 5 percentage points
 *       of it (percentages and rates), or within 10% of the target for anything else; beyond that
 *       it is red. A target of 0 (a backlog to clear) has no band: anything above 0 is red.</li>
 * </ul>
 */
public final class Tolerance {
    /** Percentage points within which a percentage has not moved. */
    public static final double FLAT_POINTS = 0.5;
    /** Share of the earlier value within which any other measure has not moved. */
    public static final double FLAT_SHARE = 0.01;
    /** Percentage points within which a percentage short of target is amber. */
    public static final double AMBER_POINTS = 5.0;
    /** Share of the target within which any other measure short of target is amber. */
    public static final double AMBER_SHARE = 0.10;

    private Tolerance() {
    }

    /** True for units measured in percentage points (percent, rate per 100). */
    public static boolean isPoints(String unit) {
        return unit != null && (unit.equalsIgnoreCase("percent") || unit.equalsIgnoreCase("percentage")
                || unit.equalsIgnoreCase("%"));
    }

    /** The largest change that still counts as flat, moving from {@code previous}. */
    public static double flat(String unit, double previous) {
        return isPoints(unit) ? FLAT_POINTS : FLAT_SHARE * Math.abs(previous);
    }

    /** How far short of {@code target} a value may be and still be amber. */
    public static double amberBand(String unit, double target) {
        return isPoints(unit) ? AMBER_POINTS : AMBER_SHARE * Math.abs(target);
    }
}

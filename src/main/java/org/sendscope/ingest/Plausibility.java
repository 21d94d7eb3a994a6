package org.sendscope.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a reported value may be: a range per unit (a count is whole and 0 or more, a percentage
 * 0–100, …), refined per measure, with the denominator a numerator may not exceed — declared once
 * in {@code plausibility.tsv} and used by every loader (docs/decisions/0085). Also the dates a
 * load's values and a plan's dates may have.
 */
public final class Plausibility {
    /** What a load does with a value outside its range. */
    public enum Outside { REFUSE, REJECT }

    /**
     * The range of one measure (or unit).
     *
     * @param min     lowest plausible value, null for none
     * @param max     highest plausible value, null for none
     * @param atMost  the measure (of the same area, period and breakdown) this one never exceeds, or null
     * @param why     the rule in words, for messages
     */
    public record Range(String name, Double min, Double max, boolean whole, String atMost, Outside outside, String why) {
        /** Why this value breaks the range, or empty when it does not. */
        public Optional<String> breach(double v) {
            if (!Double.isFinite(v)) return Optional.of("not a finite number");
            if (min != null && v < min || max != null && v > max || whole && v != Math.rint(v)) {
                return Optional.of("implausible for " + name + ": " + why + " (" + bounds() + ")");
            }
            return Optional.empty();
        }

        /** The bounds in words: "a whole number from 0", "from 0 to 100". */
        public String bounds() {
            String b = min != null && max != null ? "from " + text(min) + " to " + text(max)
                    : min != null ? "from " + text(min) : max != null ? "up to " + text(max) : "any value";
            return (whole ? "a whole number " : "") + b;
        }

        /** True when every finite value is plausible. */
        public boolean isUnbounded() {
            return min == null && max == null && !whole;
        }
    }

    /** No bounds at all: a measure whose unit is not known. */
    public static final Range ANY = new Range("a measure of unknown unit", null, null, false, null, Outside.REFUSE,
            "any finite number");
    /** Plan and tracker dates outside these years are warned about (never refused). */
    public static final LocalDate EARLIEST_PLAN_DATE = LocalDate.of(1990, 1, 1);
    public static final LocalDate LATEST_PLAN_DATE = LocalDate.of(2100, 12, 31);

    private static final Plausibility BUNDLED = read("plausibility.tsv");

    private final Map<String, Range> units;
    private final Map<String, String[]> measures;

    private Plausibility(Map<String, Range> units, Map<String, String[]> measures) {
        this.units = units;
        this.measures = measures;
    }

    /** The project's declared rules. */
    public static Plausibility bundled() {
        return BUNDLED;
    }

    /** The range of a measure of the given unit: its own row, filled in from its unit's row. */
    public Range rangeOf(String measure, String unit) {
        Range u = unit == null ? null : units.get(unit);
        String[] m = measure == null ? null : measures.get(measure);
        if (m == null) return u != null ? u : ANY;
        Range base = u != null ? u : ANY;
        return new Range(m[1] + (unit == null ? "" : " (" + unit + ")"),
                m[2].isEmpty() ? base.min() : bound(m[2]), m[3].isEmpty() ? base.max() : bound(m[3]),
                m[4].isEmpty() ? base.whole() : m[4].equals("yes"), m[5].isEmpty() ? null : m[5],
                m[6].isEmpty() ? base.outside() : Outside.valueOf(m[6].toUpperCase(java.util.Locale.ROOT)),
                m[7].isEmpty() || pairOnly(m) ? base.why() : m[7]);
    }

    /** Why a measure never exceeds its {@code at_most} measure, in words (null when it has none). */
    public String pairReason(String measure) {
        String[] m = measures.get(measure);
        return m == null || m[5].isEmpty() ? null : m[7];
    }

    /** A measure row that only names a denominator: its words are about the pair, not the range. */
    private static boolean pairOnly(String[] m) {
        return !m[5].isEmpty() && m[2].isEmpty() && m[3].isEmpty() && m[4].isEmpty();
    }

    /** Every measure with a declared row (for loaders that state rules in SQL). */
    public List<String> declaredMeasures() {
        return List.copyOf(measures.keySet());
    }

    /**
     * The last day a load's values may be for: a value describes the past, so its period may not
     * start after the release (the end of a year vintage such as {@code 2025}, or a publication date
     * such as {@code 2024-07-24}) nor after today.
     */
    public static LocalDate latestPeriodStart(String vintage) {
        LocalDate today = LocalDate.now();
        LocalDate release = null;
        if (vintage != null && vintage.matches("\\d{4}")) release = LocalDate.of(Integer.parseInt(vintage), 12, 31);
        else if (vintage != null && vintage.matches("\\d{4}-\\d{2}-\\d{2}")) release = LocalDate.parse(vintage);
        else if (vintage != null && vintage.matches("\\d{4}-\\d{2}")) release = LocalDate.parse(vintage + "-01").plusMonths(1).minusDays(1);
        return release == null || release.isAfter(today) ? today : release;
    }

    /** A plan date outside 1990–2100, in words, or empty. */
    public static Optional<String> planDateWarning(LocalDate d) {
        if (d == null || !d.isBefore(EARLIEST_PLAN_DATE) && !d.isAfter(LATEST_PLAN_DATE)) return Optional.empty();
        return Optional.of(d + " is outside 1990–2100 (a typing slip?); kept as written, check the cell");
    }

    /** A number as a person would write it: 150, 12.5. */
    public static String text(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static Double bound(String s) {
        return s.equals("-") ? null : Double.valueOf(s);
    }

    private static Plausibility read(String resource) {
        Map<String, Range> units = new HashMap<>();
        Map<String, String[]> measures = new java.util.LinkedHashMap<>();
        for (String[] row : ResourceTable.rows(Plausibility.class, resource)) {
            String[] f = java.util.Arrays.copyOf(row, 8);
            for (int i = 0; i < f.length; i++) f[i] = f[i] == null ? "" : f[i].strip();
            if (f[0].equals("unit")) {
                units.put(f[1], new Range(f[1].equals("percent") ? "a percentage" : f[1].equals("count") ? "a count"
                        : "a value in " + f[1], bound(f[2]), bound(f[3]), f[4].equals("yes"), null,
                        Outside.valueOf(f[6].toUpperCase(java.util.Locale.ROOT)), f[7]));
            } else if (f[0].equals("measure")) {
                measures.put(f[1], f);
            } else {
                throw new IllegalStateException(resource + ": unknown kind '" + f[0] + "' in: " + String.join("\t", row));
            }
        }
        return new Plausibility(units, measures);
    }
}

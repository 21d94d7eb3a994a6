package org.sendscope.demo;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * A made-up monthly scorecard for a fictional LA, in the wide layout analysts keep: a row per KPI,
 * a column per month, the required direction and a target, and a statistical-neighbours column.
 * The numbers come from a seeded random walk, so every run makes the same file. It exists so that
 * the demo shows a longer series than the papers give; every figure it makes is labelled synthetic
 * (its source, its vintage and its area's name).
 */
public final class SyntheticScorecard {
    /** The fictional LA's code: shaped like a GSS unitary code, but no such authority exists. */
    public static final String AREA = "E06999999";
    public static final String AREA_NAME = "Synthetic LA (demo)";

    private SyntheticScorecard() {
    }

    /** The scorecard as CSV text: {@code months} months ending {@code last}. */
    public static byte[] csv(YearMonth last, int months, long seed) {
        Random r = new Random(seed);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("MMM-yy", Locale.UK);
        StringBuilder b = new StringBuilder("KPI,Required direction of travel");
        YearMonth first = last.minusMonths(months - 1L);
        for (int i = 0; i < months; i++) b.append(',').append(first.plusMonths(i).format(f));
        b.append(",Target,Statistical Neighbours\n");
        row(b, r, "% of new EHCPs issued within 20 weeks (including exceptions)", "A", months, 30, 1.8, 0, 100, 1, "90%",
                "48.1% (2022)");
        row(b, r, "No. of EHCPs", "", months, 2400, 25, 0, 1e9, 0, "n/a", "n/a");
        row(b, r, "No. of annual reviews not finalised (meeting held but not processed - backlog)", "▼", months, 600, -15,
                0, 1e9, 0, "0", "n/a");
        row(b, r, "No. EHCNA requests", "", months, 70, 0, 0, 1e9, 0, "n/a", "n/a");
        row(b, r, "Number of EHC plans not completed and waiting over 20 weeks (exc. Assessments after Tribunal or Appeal)",
                "▼", months, 90, -3, 0, 1e9, 0, "0", "n/a");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder b, Random r, String label, String direction, int months, double start,
                            double drift, double min, double max, int decimals, String target, String neighbours) {
        b.append('"').append(label).append("\",").append(direction);
        double v = start;
        for (int i = 0; i < months; i++) {
            v = Math.max(min, Math.min(max, v + drift + r.nextGaussian() * Math.max(1, Math.abs(drift)) * 1.5));
            String s = decimals == 0 ? String.valueOf(Math.round(v)) : String.format(Locale.UK, "%.1f%%", v);
            b.append(',').append(s);
        }
        b.append(',').append(target).append(',').append('"').append(neighbours).append("\"\n");
    }
}

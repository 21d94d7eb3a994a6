package org.sendscope.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Each figure with a stated range moved to its low and its high end, one at a time, everything
 * else as stated; ranked by how far that moves the cumulative balance at the end of year 5.
 */
public final class Sensitivity {
    /** One row of the table: the balance at the end of year 5 with the figure at each end of its range. */
    public record Row(String assumption, double low, double high, double balanceAtLow, double balanceAtHigh,
            String source) {
        /** The range as written in a report: {@code 2% to 4%}, {@code £45,000 to £55,000}, {@code 20 to 60}. */
        public String range() {
            return format(low) + " to " + format(high);
        }

        private String format(double v) {
            if (Math.abs(low) < 1 && Math.abs(high) < 1) return String.format("%.3g%%", v * 100).replaceAll("\\.?0+%$", "%");
            if (Math.abs(high) >= 1000) return (v < 0 ? "-" : "") + String.format("£%,.0f", Math.abs(v));
            return String.format("%,.0f", v);
        }

        /** How far the range moves the year-5 balance. */
        public double swing() {
            return Math.abs(balanceAtHigh - balanceAtLow);
        }
    }

    private Sensitivity() {
    }

    /** The rows, largest swing first; the year is year 5 (or the last year when the horizon is shorter). */
    public static List<Row> table(ScenarioInputs in) {
        int t = Math.min(4, in.scenario.horizon() - 1);
        Knobs.Setting base = in.knobs.base();
        List<Row> rows = new ArrayList<>();
        var knobs = in.knobs.all();
        for (int k = 0; k < knobs.size(); k++) {
            Figure f = knobs.get(k).figure();
            if (!f.hasRange()) continue;
            double lo = DeficitModel.run(in, base.with(k, f.low()), true).cumulative[t];
            double hi = DeficitModel.run(in, base.with(k, f.high()), true).cumulative[t];
            rows.add(new Row(knobs.get(k).name(), f.low(), f.high(), lo, hi, f.source()));
        }
        rows.sort(Comparator.comparingDouble(Row::swing).reversed());
        return rows;
    }
}

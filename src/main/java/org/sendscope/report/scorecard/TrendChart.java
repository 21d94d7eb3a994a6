package org.sendscope.report.scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A KPI's series as a small inline SVG line: the shown values only (a hidden figure is a gap, as
 * its height would give it away), with a title and a description that say the same in words.
 *
 * @param width       the drawing's width in SVG units
 * @param height      its height
 * @param lines       one polyline's {@code points} per run of consecutive shown values
 * @param dots        one {@code cx,cy} per shown value
 * @param targetY     the target's height as a dashed line, or null
 * @param title       a short title ("Trend: Annual reviews not finalised")
 * @param description every shown value with its period, and how many are hidden
 */
public record TrendChart(int width, int height, List<String> lines, List<String> dots, String targetY, String title,
                         String description) {

    /** The chart of {@code series} (oldest first) at the given size. */
    public static TrendChart of(KpiRow row, int width, int height) {
        List<Figure> s = row.series();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Figure f : s) {
            if (!f.hasValue()) continue;
            min = Math.min(min, f.shownValue());
            max = Math.max(max, f.shownValue());
        }
        if (row.target() != null && !Double.isInfinite(min)) {
            min = Math.min(min, row.target());
            max = Math.max(max, row.target());
        }
        double pad = 6;
        double span = max - min == 0 ? 1 : max - min;
        List<String> lines = new ArrayList<>();
        List<String> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int n = s.size();
        List<String> said = new ArrayList<>();
        int hidden = 0;
        for (int i = 0; i < n; i++) {
            Figure f = s.get(i);
            if (!f.hasValue()) {
                if (f.isSuppressed()) hidden++;
                if (line.length() > 0) lines.add(line.toString().trim());
                line.setLength(0);
                continue;
            }
            double x = n == 1 ? width / 2.0 : pad + (width - 2 * pad) * i / (n - 1);
            double y = height - pad - (height - 2 * pad) * (f.shownValue() - min) / span;
            String xy = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
            line.append(xy).append(' ');
            dots.add(xy);
            said.add(f.text() + " in " + f.periodLabel());
        }
        if (line.length() > 0) lines.add(line.toString().trim());
        StringBuilder d = new StringBuilder();
        if (said.isEmpty()) d.append("No figure of this series can be shown.");
        else d.append("Values shown, oldest first: ").append(String.join("; ", said)).append('.');
        if (hidden > 0) d.append(' ').append(hidden).append(hidden == 1 ? " figure is" : " figures are")
                .append(" suppressed and left out of the line.");
        if (row.targetText() != null) d.append(" Target ").append(row.targetText()).append('.');
        String targetY = row.target() == null || said.isEmpty() ? null
                : String.format(Locale.ROOT, "%.1f", height - pad - (height - 2 * pad) * (row.target() - min) / span);
        return new TrendChart(width, height, lines, dots, targetY, "Trend: " + row.title(), d.toString());
    }
}

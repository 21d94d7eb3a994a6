package org.sendscope.forecast;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forecast that starts from the LA's own monthly count where it is newer than the last SEN2
 * January (docs/decisions/0173). The <em>bridge</em> is the level difference between the two
 * series, log(SEN2 January / local count at that January), averaged over the SEN2 Januaries up to
 * the origin that have a local month within {@link #NEAR_MONTHS} months (the local count moved to
 * the January by its own monthly growth); its uncertainty is the local series' month-to-month noise.
 * A target January then starts from the latest local month at or before it, raised by the bridge
 * and grown along the model's path for the months left; the interval is the model's for the time
 * left (sqrt-scaled under a year, as 0040 widens) combined with the bridge's uncertainty.
 */
public final class Nowcast {
    /** How far a local month may be from a SEN2 January to bridge by. */
    public static final int NEAR_MONTHS = 3;
    private static final double Z80 = 1.2815515655446004;
    private static final double Z95 = 1.959963984540054;

    /**
     * The bridge between the series.
     *
     * @param logDifference mean log(SEN2 / local) over the pairs
     * @param sd            its standard deviation (log units), with the latest month's own noise
     * @param pairs         the SEN2 Januaries bridged by
     * @param monthlyNoise  one local month's noise (sd of its log growth about the mean, over sqrt 2)
     */
    public record Bridge(double logDifference, double sd, List<Integer> pairs, double monthlyNoise) {
    }

    private Nowcast() {
    }

    /** The bridge of {@code local} to {@code stock} using Januaries up to {@code origin}, or null when none is near. */
    public static Bridge bridge(YearSeries stock, LocalCaseload local, int origin) {
        List<Double> diffs = new ArrayList<>();
        List<Integer> pairs = new ArrayList<>();
        for (int y : stock.toMap().keySet()) {
            if (y > origin) continue;
            double atJanuary = localAt(local, YearMonth.of(y, 1));
            if (Double.isNaN(atJanuary)) continue;
            diffs.add(Math.log(stock.get(y) / atJanuary));
            pairs.add(y);
        }
        if (diffs.isEmpty()) return null;
        double mean = diffs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double noise = monthlyNoise(local);
        double spread = 0;
        for (double d : diffs) spread += (d - mean) * (d - mean);
        // With two or more pairs their own spread says how well the level is known; with one, the
        // noise of one month. Either way the latest local month adds its own noise.
        double varMean = diffs.size() >= 2 ? spread / (diffs.size() - 1) / diffs.size() : noise * noise;
        return new Bridge(mean, Math.sqrt(varMean + noise * noise), pairs, noise);
    }

    /**
     * The local count at {@code month}: the figure itself, else moved from the nearest local month
     * within {@link #NEAR_MONTHS} by the local series' growth between its two nearest months; NaN
     * when no month is near.
     */
    static double localAt(LocalCaseload local, YearMonth month) {
        Double exact = local.counts().get(month);
        if (exact != null) return exact;
        YearMonth nearest = null;
        for (YearMonth m : local.counts().keySet()) {
            long d = Math.abs(ChronoUnit.MONTHS.between(month, m));
            if (d <= NEAR_MONTHS && (nearest == null || d < Math.abs(ChronoUnit.MONTHS.between(month, nearest)))) nearest = m;
        }
        if (nearest == null || local.counts().size() < 2) return Double.NaN;
        YearMonth other = nearest.equals(local.counts().lastKey()) ? local.counts().lowerKey(nearest)
                : local.counts().higherKey(nearest);
        double perMonth = Math.log(local.counts().get(other) / local.counts().get(nearest))
                / ChronoUnit.MONTHS.between(nearest, other);
        return local.counts().get(nearest) * Math.exp(perMonth * ChronoUnit.MONTHS.between(nearest, month));
    }

    /**
     * A month's noise: the sd of the log growth between consecutive local months about its mean,
     * over sqrt(2) (0 with fewer than three consecutive months).
     */
    static double monthlyNoise(LocalCaseload local) {
        List<Double> g = new ArrayList<>();
        YearMonth prev = null;
        for (YearMonth m : local.counts().keySet()) {
            if (prev != null && ChronoUnit.MONTHS.between(prev, m) == 1) {
                g.add(Math.log(local.counts().get(m) / local.counts().get(prev)));
            }
            prev = m;
        }
        if (g.size() < 2) return 0;
        double mean = g.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = 0;
        for (double x : g) ss += (x - mean) * (x - mean);
        // A month's growth is the difference of two months' noise: its sd is sqrt(2) times a month's.
        return Math.sqrt(ss / (g.size() - 1) / 2);
    }

    /**
     * The forecasts {@code rows} (one area, one origin, horizons 1…H, as {@link RollingOrigins}
     * gives them) started from {@code local}; the rows unchanged when no local month is newer than
     * the origin's January or none bridges.
     */
    public static List<IntervalForecast> apply(List<IntervalForecast> rows, YearSeries stock, LocalCaseload local) {
        if (rows.isEmpty() || local.isEmpty()) return rows;
        int origin = rows.get(0).origin();
        YearMonth originMonth = YearMonth.of(origin, 1);
        if (!local.counts().lastKey().isAfter(originMonth)) return rows;
        Bridge b = bridge(stock, local, origin);
        if (b == null) return rows;
        double start = stock.get(origin);
        // The model's path by month after January origin: its points at 12, 24, … months, geometric between.
        double[] path = new double[rows.size() + 1];
        path[0] = start;
        for (IntervalForecast r : rows) path[r.horizon()] = r.point();
        List<IntervalForecast> out = new ArrayList<>();
        for (IntervalForecast r : rows) {
            YearMonth target = YearMonth.of(r.targetYear(), 1);
            Map.Entry<YearMonth, Double> anchor = local.counts().floorEntry(target);
            if (anchor == null || !anchor.getKey().isAfter(originMonth)) {
                out.add(r);
                continue;
            }
            long k = ChronoUnit.MONTHS.between(originMonth, anchor.getKey());
            double fromAnchor = r.point() / pathAt(path, k);
            double point = anchor.getValue() * Math.exp(b.logDifference()) * fromAnchor;
            double yearsLeft = (12.0 * r.horizon() - k) / 12.0;
            double q80 = Math.hypot(modelQ(rows, yearsLeft, true), Z80 * b.sd());
            double q95 = Math.hypot(modelQ(rows, yearsLeft, false), Z95 * b.sd());
            Map<String, Object> params = new LinkedHashMap<>(r.parameters());
            params.put("nowcast_from", anchor.getKey().toString());
            params.put("nowcast_local_count", anchor.getValue());
            params.put("nowcast_source", local.sources().get(anchor.getKey()));
            params.put("bridge_log_difference", b.logDifference());
            params.put("bridge_sd", b.sd());
            params.put("bridge_januaries", b.pairs());
            params.put("years_left", yearsLeft);
            params.put("without_local_point", r.point());
            Map<String, Double> parts = new LinkedHashMap<>();
            r.parts().forEach((k2, v) -> parts.put(k2, v * point / r.point()));
            out.add(new IntervalForecast(r.areaCode(), r.areaName(), r.origin(), r.targetYear(), r.horizon(),
                    r.model() + "+local", r.selection(), point, point * Math.exp(-q80), point * Math.exp(q80),
                    point * Math.exp(-q95), point * Math.exp(q95), r.mcMean(), r.mcStdError(), params, parts));
        }
        return out;
    }

    /** The model's path {@code months} after the origin January (geometric between its Januaries). */
    private static double pathAt(double[] path, long months) {
        int y = (int) Math.min(months / 12, path.length - 2);
        double frac = (months - 12.0 * y) / 12.0;
        return path[y] * Math.pow(path[y + 1] / path[y], frac);
    }

    /**
     * The model's own interval half-width (log units) for {@code years} ahead: its one-year width
     * times sqrt(years) under a year, linear between its Januaries beyond.
     */
    private static double modelQ(List<IntervalForecast> rows, double years, boolean eighty) {
        if (years <= 0) return 0;
        double[] q = new double[rows.size() + 1];
        for (IntervalForecast r : rows) q[r.horizon()] = Math.log((eighty ? r.hi80() : r.hi95()) / r.point());
        if (years < 1) return q[1] * Math.sqrt(years);
        int y = (int) Math.min(Math.floor(years), rows.size() - 1);
        double frac = Math.min(1, years - y);
        return q[y] + (q[Math.min(y + 1, rows.size())] - q[y]) * frac;
    }
}

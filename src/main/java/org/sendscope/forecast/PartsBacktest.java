package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.breakdown.Breakdown;
import org.sendscope.breakdown.Breakdowns;

/**
 * The rolling-origin backtest of the parts of a forecast — placement groups (which the DSG
 * management plan's categories are built from) and age bands — the same way as the total: each
 * part's share of the parts and its count, from every origin in a range, scored against the
 * published January. Beside each model the baseline an LA would use: the shares of its latest
 * January carried forward, times the same total. Parts' intervals are the total's, scaled by the
 * part's share (as {@code forecasts} stores them), so their coverage shows what that costs.
 */
public final class PartsBacktest {
    /** The method that carries the origin's shares forward. */
    public static final String LAST_SHARES = "last_shares";

    /**
     * Accuracy of one part at one horizon.
     *
     * @param dimension   {@code placement} or {@code age}
     * @param part        the breakdown code ({@code placement:special})
     * @param dsgCategory the DSG management plan category the part falls in (placement groups), or null
     * @param method      the model, or {@link #LAST_SHARES}
     * @param shareMape   mean absolute error of the share, % of the actual share
     * @param shareMae    mean absolute error of the share, percentage points
     * @param countMape   mean absolute percentage error of the count
     * @param cov80       share of actual counts inside the part's 80% interval, %
     */
    public record Row(String dimension, String part, String dsgCategory, String method, int horizon, int n,
            double shareMape, double shareMae, double countMape, double cov80) {
    }

    private final RollingOrigins origins;

    public PartsBacktest(RollingOrigins origins) {
        this.origins = origins;
    }

    /**
     * Scores {@code model}'s parts of {@code dimension} from origins {@code from..to}, horizons
     * 1..{@code horizon}, and the last-shares baseline on the same forecasts.
     */
    public List<Row> run(String model, String dimension, int from, int to, int horizon) {
        origins.runUpTo(to);
        Map<String, double[][]> acc = new LinkedHashMap<>(); // part|method|h -> {n, sAPE, sAE, cAPE, in80}
        for (int o = from; o <= to; o++) {
            Panel then = origins.full().asOf(o);
            for (String area : origins.reportingAreas(o)) {
                AreaHistory now = then.area(area);
                Map<String, Double> lastShares = shares(now, dimension, o);
                for (IntervalForecast f : origins.withIntervals(model, o, area, horizon)) {
                    Map<String, Double> parts = partsOf(f, dimension);
                    if (parts.isEmpty()) continue;
                    AreaHistory later = origins.full().area(area);
                    Map<String, Double> actualCounts = counts(later, dimension, f.targetYear());
                    Map<String, Double> actualShares = shares(later, dimension, f.targetYear());
                    if (actualShares == null || lastShares == null) continue;
                    double partSum = parts.values().stream().mapToDouble(Double::doubleValue).sum();
                    for (Map.Entry<String, Double> p : parts.entrySet()) {
                        String value = Breakdowns.require(p.getKey()).value();
                        Double actualShare = actualShares.get(value);
                        Double last = lastShares.get(value);
                        if (actualShare == null || last == null || actualShare <= 0) continue;
                        double actualCount = actualCounts.get(value);
                        double share = p.getValue() / partSum;
                        add(acc, p.getKey(), model, f.horizon(), share, actualShare, p.getValue(), actualCount,
                                f.lo80() * share, f.hi80() * share);
                        double baseline = f.point() * last;
                        add(acc, p.getKey(), LAST_SHARES, f.horizon(), last, actualShare, baseline, actualCount,
                                f.lo80() * last, f.hi80() * last);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : acc.entrySet()) {
            String[] k = e.getKey().split("\\|");
            double[] a = e.getValue()[0];
            Breakdown b = Breakdowns.require(k[0]);
            rows.add(new Row(b.dimension(), k[0], b.dimension().equals("placement") ? b.dsgCategory() : null, k[1],
                    Integer.parseInt(k[2]), (int) a[0], 100 * a[1] / a[0], 100 * a[2] / a[0], 100 * a[3] / a[0],
                    100 * a[4] / a[0]));
        }
        return rows;
    }

    private static void add(Map<String, double[][]> acc, String part, String method, int h, double share,
            double actualShare, double count, double actualCount, double lo80, double hi80) {
        double[] a = acc.computeIfAbsent(part + "|" + method + "|" + h, k -> new double[][] {new double[5]})[0];
        a[0]++;
        a[1] += Math.abs(share - actualShare) / actualShare;
        a[2] += Math.abs(share - actualShare);
        a[3] += Math.abs(count - actualCount) / actualCount;
        if (actualCount >= lo80 && actualCount <= hi80) a[4]++;
    }

    /** The forecast's parts of one dimension, by breakdown code. */
    private static Map<String, Double> partsOf(IntervalForecast f, String dimension) {
        Map<String, Double> out = new LinkedHashMap<>();
        f.parts().forEach((code, v) -> {
            if (Breakdowns.of(code).map(b -> b.dimension().equals(dimension)).orElse(false)) out.put(code, v);
        });
        return out;
    }

    private static Map<String, YearSeries> series(AreaHistory a, String dimension) {
        return dimension.equals("age") ? a.ageBands() : a.placements();
    }

    /** Each part's count in January {@code year} (parts not published are absent). */
    static Map<String, Double> counts(AreaHistory a, String dimension, int year) {
        Map<String, Double> v = new LinkedHashMap<>();
        series(a, dimension).forEach((part, s) -> {
            if (s.has(year)) v.put(part, s.get(year));
        });
        return v;
    }

    /** Each part's share of the parts published in January {@code year}, or null when none are. */
    static Map<String, Double> shares(AreaHistory a, String dimension, int year) {
        if (a == null) return null;
        Map<String, Double> v = counts(a, dimension, year);
        double sum = v.values().stream().mapToDouble(Double::doubleValue).sum();
        if (v.isEmpty() || sum <= 0) return null;
        v.replaceAll((k, x) -> x / sum);
        return v;
    }
}

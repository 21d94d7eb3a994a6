package org.sendscope.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The nowcast backtested on synthetic monthly series made from SEN2 with known noise (no LA but BCP
 * publishes its monthly counts here, and BCP's months do not overlap a published January): for
 * every LA, the month-by-month path between its published Januaries (geometric), times a level
 * difference fixed per LA and a noise per month, both drawn from normal distributions with a fixed
 * seed. From each origin January T the local series runs from January T−2 to March T+1 — what an
 * LA would hold in April T+1, before SEN2 publishes January T+1 — and the forecasts of January T+1
 * and T+2 with and without it are scored against SEN2.
 */
public final class NowcastBacktest {
    /** The month after the origin January up to which the local series is known (March: 14 months on). */
    public static final int MONTHS_AFTER = 14;

    /**
     * Accuracy of one method at one horizon.
     *
     * @param method the model, or the model {@code +local}
     */
    public record Row(String method, int horizon, int n, double mape, double bias, double cov80, double cov95) {
    }

    private final EhcpForecasting forecasting;
    private final double levelSd;
    private final double noiseSd;
    private final long seed;

    /**
     * @param levelSd sd of each LA's level difference between its own count and SEN2 (log units)
     * @param noiseSd sd of each month's noise (log units)
     */
    public NowcastBacktest(EhcpForecasting forecasting, double levelSd, double noiseSd, long seed) {
        this.forecasting = forecasting;
        this.levelSd = levelSd;
        this.noiseSd = noiseSd;
        this.seed = seed;
    }

    /** Scores {@code model} with and without the synthetic local series from origins {@code from..to}, two years ahead. */
    public List<Row> run(String model, int from, int to) {
        Panel full = forecasting.panel();
        Map<String, double[]> acc = new LinkedHashMap<>(); // method|h -> n, ape, pe, in80, in95
        for (int o = from; o <= to; o++) {
            Random random = new Random(seed + o);
            Map<String, List<IntervalForecast>> byArea = new LinkedHashMap<>();
            for (IntervalForecast f : forecasting.forecast(o, 2, model, List.of())) {
                byArea.computeIfAbsent(f.areaCode(), k -> new ArrayList<>()).add(f);
            }
            for (Map.Entry<String, List<IntervalForecast>> e : byArea.entrySet()) {
                AreaHistory a = full.area(e.getKey());
                LocalCaseload local = synthetic(a, o, random);
                if (local == null) continue;
                List<IntervalForecast> started = Nowcast.apply(e.getValue(), a.stock().upTo(o), local);
                for (int i = 0; i < e.getValue().size(); i++) {
                    IntervalForecast without = e.getValue().get(i);
                    double y = a.stock().get(without.targetYear());
                    if (Double.isNaN(y) || Double.isNaN(without.lo80())) continue;
                    add(acc, model, without, y);
                    add(acc, model + "+local", started.get(i), y);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        acc.forEach((k, a) -> {
            String[] p = k.split("\\|");
            rows.add(new Row(p[0], Integer.parseInt(p[1]), (int) a[0], 100 * a[1] / a[0], 100 * a[2] / a[0],
                    100 * a[3] / a[0], 100 * a[4] / a[0]));
        });
        rows.sort((x, z) -> x.horizon() != z.horizon() ? Integer.compare(x.horizon(), z.horizon())
                : x.method().compareTo(z.method()));
        return rows;
    }

    private static void add(Map<String, double[]> acc, String method, IntervalForecast f, double y) {
        double[] a = acc.computeIfAbsent(method + "|" + f.horizon(), k -> new double[5]);
        a[0]++;
        a[1] += Math.abs(f.point() - y) / y;
        a[2] += (f.point() - y) / y;
        if (f.covers80(y)) a[3]++;
        if (f.covers95(y)) a[4]++;
    }

    /**
     * A local monthly series for {@code a} from January {@code origin - 2} to {@link #MONTHS_AFTER}
     * months after January {@code origin}, or null where SEN2 lacks a January it is made from.
     */
    LocalCaseload synthetic(AreaHistory a, int origin, Random random) {
        double level = levelSd * random.nextGaussian();
        TreeMap<YearMonth, Double> counts = new TreeMap<>();
        YearMonth first = YearMonth.of(origin - 2, 1);
        YearMonth last = YearMonth.of(origin, 1).plusMonths(MONTHS_AFTER);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            double lo = a.stock().get(m.getYear());
            double hi = a.stock().get(m.getYear() + 1);
            if (Double.isNaN(lo) || Double.isNaN(hi) || lo <= 0 || hi <= 0 || m.getYear() < a.reportedFrom()) {
                return null;
            }
            double truth = lo * Math.pow(hi / lo, (m.getMonthValue() - 1) / 12.0);
            counts.put(m, truth * Math.exp(level + noiseSd * random.nextGaussian()));
        }
        return LocalCaseload.of(a.code(), counts);
    }
}

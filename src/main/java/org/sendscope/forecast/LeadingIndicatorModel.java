package org.sendscope.forecast;

import java.util.Map;
import java.util.TreeMap;

/**
 * Pooled growth nudged by the leading indicator SEN2 publishes with each January: the requests for
 * an EHC needs assessment in the calendar year before it, as a share of the January stock. An LA
 * that receives many requests for its size grows faster over the next years than its pooled growth
 * says; the size of the nudge is one coefficient per horizon, pooled across every LA and every
 * earlier origin, fitted by least squares on the errors of pooled growth whose target January is no
 * later than the origin (docs/decisions/0170). The area's rate is centred on the mean rate of all
 * LAs at the origin, so the nudge moves LAs against each other and leaves the country's pace to
 * pooled growth. Without requests (before calendar year 2016, or a new area) the forecast is pooled
 * growth's.
 */
public final class LeadingIndicatorModel implements ForecastModel {
    /** Fewest past (area, origin) pairs a horizon's coefficient is fitted on. */
    static final int MIN_PAIRS = 100;

    private final PooledGrowthModel pooled;
    private Panel cachedPanel;
    private Fit cached;

    /** @param pooled the pooled growth the nudge is added to (shared, so both fit once per origin) */
    public LeadingIndicatorModel(PooledGrowthModel pooled) {
        this.pooled = pooled;
    }

    @Override
    public String name() {
        return "leading_indicators";
    }

    /** The coefficients per horizon (index 0 = one year ahead) and the pairs each was fitted on. */
    record Fit(double[] beta, int[] pairs, double meanRate, Map<String, Double> rate) {
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        PooledGrowthModel.Estimate e = pooled.estimates(panel).get(area.code());
        ModelForecast base = pooled.forecast(area, panel, horizon);
        if (e == null || base == null) return null;
        Fit fit = fit(panel, horizon);
        Double rate = fit.rate().get(area.code());
        double[] p = new double[horizon];
        double[] nudge = new double[horizon];
        for (int h = 1; h <= horizon; h++) {
            nudge[h - 1] = rate == null ? 0 : fit.beta()[h - 1] * (rate - fit.meanRate());
            // Without a nudge, exactly pooled growth's forecast (so auto sees a tie, not a rounding).
            p[h - 1] = base.point()[h - 1] * Math.exp(nudge[h - 1]);
        }
        Map<String, Object> params = ModelForecast.params("pooled_growth", Math.expm1(e.pooled()),
                "requests_rate", rate, "requests_rate_all_las", fit.meanRate(), "requests_year", panel.origin() - 1,
                "coefficient", fit.beta().clone(), "coefficient_pairs", java.util.Arrays.stream(fit.pairs()).boxed().toList(), "nudge_log", nudge);
        return ModelForecast.of(p, params);
    }

    private synchronized Fit fit(Panel panel, int horizon) {
        if (panel == cachedPanel && cached.beta().length >= horizon) return cached;
        Map<String, Double> rate = rates(panel, panel.origin());
        double mean = mean(rate);
        double[] beta = new double[horizon];
        int[] pairs = new int[horizon];
        // Past origins' pooled growth and rates, from the panel as it stood at each of them.
        Map<Integer, Map<String, PooledGrowthModel.Estimate>> pastGrowth = new TreeMap<>();
        Map<Integer, Map<String, Double>> pastRate = new TreeMap<>();
        int first = panel.firstStockYear() + 2;
        for (int o = first; o < panel.origin(); o++) {
            Panel then = panel.asOf(o);
            Map<String, Double> r = rates(then, o);
            if (r.isEmpty()) continue;
            pastRate.put(o, r);
            pastGrowth.put(o, new PooledGrowthModel().estimates(then));
        }
        for (int h = 1; h <= horizon; h++) {
            double sxx = 0, sxy = 0;
            int n = 0;
            for (int o : pastRate.keySet()) {
                if (o + h > panel.origin()) continue;
                Map<String, Double> r = pastRate.get(o);
                double m = mean(r);
                for (Map.Entry<String, Double> x : r.entrySet()) {
                    PooledGrowthModel.Estimate g = pastGrowth.get(o).get(x.getKey());
                    AreaHistory a = panel.area(x.getKey());
                    if (g == null || a == null || !a.stock().has(o + h) || !a.stock().has(o)) continue;
                    double err = Math.log(a.stock().get(o + h) / a.stock().get(o)) - h * g.pooled();
                    double dx = x.getValue() - m;
                    sxx += dx * dx;
                    sxy += dx * err;
                    n++;
                }
            }
            pairs[h - 1] = n;
            if (n >= MIN_PAIRS && sxx > 0) {
                beta[h - 1] = sxy / sxx;
            } else {
                // Too few past pairs at this horizon: the nearest shorter horizon's nudge, grown in
                // proportion (a faster-growing LA keeps growing faster).
                for (int s = h - 1; s >= 1; s--) {
                    if (pairs[s - 1] >= MIN_PAIRS) {
                        beta[h - 1] = beta[s - 1] * h / s;
                        break;
                    }
                }
            }
        }
        cached = new Fit(beta, pairs, mean, rate);
        cachedPanel = panel;
        return cached;
    }

    /** Requests in calendar year {@code origin - 1} per plan in January {@code origin}, per area. */
    static Map<String, Double> rates(Panel panel, int origin) {
        Map<String, Double> out = new TreeMap<>();
        for (AreaHistory a : panel.forecastable()) {
            double r = a.requests().get(origin - 1);
            double s = a.stock().get(origin);
            // A successor's requests start with its own code; its linked stock is not its own size.
            if (Double.isNaN(r) || !(s > 0) || origin - 1 < a.reportedFrom()) continue;
            out.put(a.code(), r / s);
        }
        return out;
    }

    private static double mean(Map<String, Double> xs) {
        double s = 0;
        for (double x : xs.values()) s += x;
        return xs.isEmpty() ? 0 : s / xs.size();
    }
}

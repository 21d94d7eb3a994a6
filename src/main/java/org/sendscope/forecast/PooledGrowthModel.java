package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.analysis.Quantiles;

/**
 * Pooled growth: each area's recent growth shrunk towards the growth of its statistical neighbours
 * (else its region, else all LAs) by empirical Bayes, so that small or volatile areas borrow
 * strength (docs/decisions/0042). An area's own growth is the mean log growth of its last {@code k}
 * years, with sampling variance (its year-to-year variance over the last six years) / k; the
 * between-area variance tau² comes from the method of moments over every area in the panel. The
 * weight on the area's own growth is tau² / (tau² + variance). Every area then gets the country's
 * change of pace: the mean over all LAs of last year's growth minus their mean k-year growth (when
 * the whole country accelerates, a three-year mean lags). Only the panel cut at the origin is used,
 * so neighbours' later years cannot leak in.
 */
public final class PooledGrowthModel implements ForecastModel {
    private static final int VOLATILITY_YEARS = 6;
    private static final int MIN_NEIGHBOURS = 3;

    private final int years;
    private final int recentYears;
    private final double damping;
    private Panel cachedPanel;
    private Map<String, Estimate> cached;

    /**
     * @param years       years of an area's own growth (and its neighbours')
     * @param recentYears years of the national change of pace added to every area (= years for none)
     * @param damping     factor on the growth for each further year ahead (1 = none)
     */
    public PooledGrowthModel(int years, int recentYears, double damping) {
        this.years = years;
        this.recentYears = recentYears;
        this.damping = damping;
    }

    /** Three-year growth, last year's national change of pace, no damping: the backtested default. */
    public PooledGrowthModel() {
        this(3, 1, 1.0);
    }

    @Override
    public String name() {
        return "pooled_growth";
    }

    /** One area's growth before and after shrinkage. */
    public record Estimate(double own, double variance, double prior, String priorFrom, double weight,
            double pooled, double tau2) {
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        Estimate e = estimates(panel).get(area.code());
        if (e == null) return null;
        double[] run = area.stockRun(panel.origin());
        double[] p = new double[horizon];
        double v = run[run.length - 1];
        double g = e.pooled;
        for (int h = 0; h < horizon; h++) {
            v *= Math.exp(g);
            p[h] = v;
            g *= damping;
        }
        return ModelForecast.of(p, ModelForecast.params("own_growth", Math.expm1(e.own), "prior_growth",
                Math.expm1(e.prior), "prior_from", e.priorFrom, "weight_own", e.weight, "pooled_growth",
                Math.expm1(e.pooled), "tau2", e.tau2, "damping", damping));
    }

    /** The shrunk growth of every area in the panel (computed once per panel). */
    public synchronized Map<String, Estimate> estimates(Panel panel) {
        if (panel != cachedPanel) {
            cached = fit(panel);
            cachedPanel = panel;
        }
        return cached;
    }

    private Map<String, Estimate> fit(Panel panel) {
        int origin = panel.origin();
        Map<String, double[]> own = new HashMap<>(); // code -> {mean log growth, sampling variance}
        List<Double> allVariances = new ArrayList<>();
        for (AreaHistory a : panel.forecastable()) {
            double[] run = a.stockRun(origin);
            if (run.length < 2) continue;
            double[] lg = new double[run.length - 1];
            for (int i = 1; i < run.length; i++) lg[i - 1] = Math.log(run[i] / run[i - 1]);
            int k = Math.min(years, lg.length);
            double mean = 0;
            for (int i = lg.length - k; i < lg.length; i++) mean += lg[i];
            mean /= k;
            int m = Math.min(VOLATILITY_YEARS, lg.length);
            double var = Double.NaN;
            if (m >= 3) {
                double mu = 0;
                for (int i = lg.length - m; i < lg.length; i++) mu += lg[i];
                mu /= m;
                double ss = 0;
                for (int i = lg.length - m; i < lg.length; i++) ss += (lg[i] - mu) * (lg[i] - mu);
                var = ss / (m - 1);
                allVariances.add(var);
            }
            int kr = Math.min(recentYears, lg.length);
            double recent = 0;
            for (int i = lg.length - kr; i < lg.length; i++) recent += lg[i];
            recent /= kr;
            own.put(a.code(), new double[] {mean, var, k, recent});
        }
        if (own.isEmpty()) return Map.of();
        double typicalVar = Quantiles.median(allVariances, 0.01 * 0.01);
        double england = 0, englandRecent = 0;
        for (double[] o : own.values()) {
            england += o[0];
            englandRecent += o[3];
        }
        england /= own.size();
        englandRecent /= own.size();
        // The whole country's change of pace: recent growth of all LAs against their k-year growth.
        double momentum = englandRecent - england;
        Map<String, List<Double>> byRegion = new HashMap<>();
        for (AreaHistory a : panel.forecastable()) {
            double[] o = own.get(a.code());
            if (o != null && a.regionCode() != null) byRegion.computeIfAbsent(a.regionCode(), r -> new ArrayList<>()).add(o[0]);
        }
        // Priors and sampling variances; then tau² by the method of moments.
        Map<String, Object[]> prior = new HashMap<>();
        double sumDev2 = 0, sumVar = 0;
        for (AreaHistory a : panel.forecastable()) {
            double[] o = own.get(a.code());
            if (o == null) continue;
            if (Double.isNaN(o[1])) o[1] = typicalVar;
            // Shrink the area's own volatility half way to the typical one: six years say little.
            o[1] = 0.5 * o[1] + 0.5 * typicalVar;
            List<Double> nb = new ArrayList<>();
            for (String n : panel.neighbours(a.code())) {
                double[] x = own.get(n);
                if (x != null) nb.add(x[0]);
            }
            Object[] pr;
            if (nb.size() >= MIN_NEIGHBOURS) pr = new Object[] {mean(nb), "neighbours"};
            else if (a.regionCode() != null && byRegion.getOrDefault(a.regionCode(), List.of()).size() >= MIN_NEIGHBOURS)
                pr = new Object[] {mean(byRegion.get(a.regionCode())), "region"};
            else pr = new Object[] {england, "england"};
            prior.put(a.code(), pr);
            double d = o[0] - (double) pr[0];
            sumDev2 += d * d;
            sumVar += o[1] / o[2];
        }
        int n = prior.size();
        double tau2 = Math.max(1e-6, (sumDev2 - sumVar) / n);
        Map<String, Estimate> out = new HashMap<>();
        prior.forEach((code, pr) -> {
            double[] o = own.get(code);
            double v = o[1] / o[2];
            double w = tau2 / (tau2 + v);
            double mu = (double) pr[0];
            out.put(code, new Estimate(o[0], v, mu, (String) pr[1], w, mu + w * (o[0] - mu) + momentum, tau2));
        });
        return out;
    }

    private static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s / xs.size();
    }

}

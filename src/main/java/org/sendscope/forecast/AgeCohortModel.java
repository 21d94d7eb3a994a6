package org.sendscope.forecast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sendscope.analysis.Quantiles;
import org.sendscope.breakdown.Breakdown;
import org.sendscope.breakdown.Breakdowns;

/**
 * An age-band cohort model simulated by Monte Carlo. Each year a share 1/width of a band ages into
 * the next band (ages spread evenly within a band; the 20–25 band ages out at 26), and each band
 * gains or loses plans at its own net joining rate (new plans minus ceased plans in the band, as a
 * share of the area's whole stock), measured from the last {@code years} Januaries. Each simulation draws the band rates once
 * from their estimation uncertainty, then adds a yearly shock shared by every band (a good or bad
 * year for the whole area). The point is the median simulated total. The spread of the simulations
 * is kept as a parameter but is not the interval: scaled by it, past errors gave 41–57% coverage
 * of a nominal 80% (docs/decisions/0040), so the interval is calibrated from past errors like every
 * other model's. The Monte Carlo error of the mean is reported on its own. Band forecasts are scaled so that they sum to the total. Falls back to pooled growth
 * without an age history.
 */
public record AgeCohortModel(int years, int simulations, PooledGrowthModel fallback) implements ForecastModel {
    /** The SEN2 age bands, youngest first (the breakdowns reference's values: {@code under_5}, {@code 5-10}, …). */
    public static final List<String> BANDS = Breakdowns.ageBands().stream().map(Breakdown::value).toList();
    /** Their widths in years, from the reference's age limits (5, 6, 5, 4, 6). */
    private static final double[] WIDTHS = Breakdowns.ageBands().stream().mapToDouble(Breakdown::ageYears).toArray();
    /** Their breakdown codes, as the forecast's parts are stored. */
    private static final List<String> CODES = Breakdowns.ageBands().stream().map(Breakdown::code).toList();

    public AgeCohortModel(int simulations) {
        this(4, simulations, new PooledGrowthModel());
    }

    @Override
    public String name() {
        return "age_cohort";
    }

    /** A copy that runs {@code n} simulations. */
    public AgeCohortModel withSimulations(int n) {
        return new AgeCohortModel(years, n, fallback);
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        int origin = panel.origin();
        int nb = BANDS.size();
        YearSeries[] band = new YearSeries[nb];
        for (int b = 0; b < nb; b++) {
            band[b] = area.ageBands().get(BANDS.get(b));
            if (band[b] == null) return fallback(area, panel, horizon);
        }
        if (!area.stock().has(origin)) return null;
        // The latest January with every band: the origin, or the year before when the age table of
        // the origin's release is not out (the 2023 release has totals only).
        int last = origin;
        while (last >= origin - 1 && !allBands(band, last)) last--;
        if (last < origin - 1) return fallback(area, panel, horizon);
        // Net joining rate of each band in each transition year.
        double[][] rates = new double[nb][];
        int nYears = 0;
        double[][] r = new double[nb][years];
        double[] totalResidualRate = new double[years];
        for (int t = last - 1; t >= last - years && t >= area.reportedFrom(); t--) {
            double[] now = new double[nb];
            double[] next = new double[nb];
            boolean ok = true;
            for (int b = 0; b < nb; b++) {
                now[b] = band[b].get(t);
                next[b] = band[b].get(t + 1);
                if (Double.isNaN(now[b]) || Double.isNaN(next[b]) || now[b] <= 0) ok = false;
            }
            if (!ok) break;
            double[] expected = age(now);
            double total = 0;
            for (int b = 0; b < nb; b++) total += now[b];
            // Joining is measured against the whole stock, not the band: a band that was nearly empty
            // (20-25 before the 2014 reforms) would otherwise compound at absurd rates.
            for (int b = 0; b < nb; b++) r[b][nYears] = (next[b] - expected[b]) / total;
            nYears++;
        }
        if (nYears < 2) return fallback(area, panel, horizon);
        double[] mean = new double[nb];
        double[] se = new double[nb];
        for (int b = 0; b < nb; b++) {
            rates[b] = Arrays.copyOf(r[b], nYears);
            mean[b] = mean(rates[b]);
            se[b] = sd(rates[b]) / Math.sqrt(nYears);
        }
        // The shared shock: how much the whole area's net joining varied from year to year.
        double[] start = new double[nb];
        double bandTotal0 = 0;
        for (int b = 0; b < nb; b++) bandTotal0 += band[b].get(last);
        if (bandTotal0 <= 0) return fallback(area, panel, horizon);
        // Start from the published total at the origin, split as the latest age table splits it.
        double stock = area.stock().get(origin);
        for (int b = 0; b < nb; b++) start[b] = band[b].get(last) * stock / bandTotal0;
        for (int i = 0; i < nYears; i++) {
            double dev = 0;
            for (int b = 0; b < nb; b++) dev += rates[b][i] - mean[b];
            totalResidualRate[i] = dev;
        }
        double shockSd = Math.max(0.005, sd(Arrays.copyOf(totalResidualRate, nYears)));

        SplittableRandom rng = new SplittableRandom(seed(area.code(), origin));
        double[][] totals = new double[horizon][simulations];
        double[][] bandSums = new double[horizon][nb];
        int skip = origin - last;
        double[] draw = new double[nb];
        double[] n = new double[nb];
        double[] z = new double[nb + horizon + skip];
        for (int s = 0; s < simulations; s++) {
            gaussians(rng, z);
            for (int b = 0; b < nb; b++) draw[b] = mean[b] + se[b] * z[b];
            System.arraycopy(start, 0, n, 0, nb);
            for (int step = 0; step < horizon + skip; step++) {
                double shock = shockSd * z[nb + step];
                double[] aged = age(n);
                double before = 0;
                for (int b = 0; b < nb; b++) before += n[b];
                double total = 0;
                for (int b = 0; b < nb; b++) {
                    // The shared shock is spread over the bands in proportion to their size.
                    n[b] = Math.max(0, aged[b] + draw[b] * before + shock * n[b]);
                    total += n[b];
                }
                // With the origin's age table missing, the first step only re-ages the origin's total.
                if (step == 0 && skip == 1) {
                    for (int b = 0; b < nb; b++) n[b] = n[b] * stock / total;
                    continue;
                }
                int h = step - skip;
                for (int b = 0; b < nb; b++) bandSums[h][b] += n[b];
                totals[h][s] = total;
            }
        }
        double[] point = new double[horizon];
        double[] scale = new double[horizon];
        double[] mcMean = new double[horizon];
        double[] mcSe = new double[horizon];
        double[] mcLogSd = new double[horizon];
        Map<String, double[]> breakdown = new LinkedHashMap<>();
        for (String b : CODES) breakdown.put(b, new double[horizon]);
        for (int h = 0; h < horizon; h++) {
            double[] t = totals[h];
            double[] logs = new double[simulations];
            for (int s = 0; s < simulations; s++) logs[s] = Math.log(Math.max(t[s], 1e-9));
            double[] sorted = t.clone();
            Arrays.sort(sorted);
            point[h] = Quantiles.quantile(sorted, 0.5);
            scale[h] = 1.0;
            mcLogSd[h] = sd(logs);
            mcMean[h] = mean(t);
            mcSe[h] = sd(t) / Math.sqrt(simulations);
            double bandTotal = 0;
            for (int b = 0; b < nb; b++) bandTotal += bandSums[h][b];
            for (int b = 0; b < nb; b++) breakdown.get(CODES.get(b))[h] = point[h] * bandSums[h][b] / bandTotal;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int b = 0; b < nb; b++) {
            params.put("join_rate_" + BANDS.get(b), mean[b]);
            params.put("join_rate_se_" + BANDS.get(b), se[b]);
        }
        params.put("shared_shock_sd", shockSd);
        params.put("simulation_log_sd", mcLogSd);
        params.put("simulations", simulations);
        params.put("rate_years", nYears);
        params.put("age_table_year", last);
        return new ModelForecast(point, scale, params, mcMean, mcSe, breakdown);
    }

    private static boolean allBands(YearSeries[] band, int year) {
        for (YearSeries b : band) if (!b.has(year)) return false;
        return true;
    }

    /** One year of ageing with no one joining or leaving. */
    static double[] age(double[] n) {
        double[] out = new double[n.length];
        for (int b = 0; b < n.length; b++) {
            double moving = n[b] / WIDTHS[b];
            out[b] += n[b] - moving;
            if (b + 1 < n.length) out[b + 1] += moving;
        }
        return out;
    }

    private ModelForecast fallback(AreaHistory area, Panel panel, int horizon) {
        return ModelForecast.fallenBackTo(fallback, area, panel, horizon);
    }

    static long seed(String code, int origin) {
        return code.hashCode() * 1_000_003L + origin;
    }

    static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17.
        double u = rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Fills {@code out} with standard normal draws, two per Box–Muller pair. */
    static void gaussians(SplittableRandom rng, double[] out) {
        for (int i = 0; i < out.length; i += 2) {
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            out[i] = r * Math.cos(a);
            if (i + 1 < out.length) out[i + 1] = r * Math.sin(a);
        }
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    static double sd(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x);
        double ss = 0;
        for (double v : x) ss += (v - m) * (v - m);
        return Math.sqrt(ss / (x.length - 1));
    }
}

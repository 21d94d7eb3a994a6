package org.sendscope.finance;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.sendscope.analysis.Quantiles;

/**
 * The Monte Carlo run: each simulation draws every figure that states a range — the demand
 * forecast's uncertainty as a normal draw matching its 80 % interval, every other range as a
 * triangular draw between low and high peaking at the stated value — and runs the model. The
 * same seed gives the same answer.
 */
public final class ScenarioSimulation {
    /**
     * Percentiles of the cumulative balance by year, and the share of simulations that have
     * reached in-year balance by each year.
     */
    public record Result(int simulations, long seed, double[] p10, double[] p50, double[] p90, double[] pInYearBalance,
            double pSafetyValve) {
    }

    private ScenarioSimulation() {
    }

    public static Result run(ScenarioInputs in, int simulations, long seed) {
        int n = in.scenario.horizon();
        Knobs knobs = in.knobs;
        Knobs.Setting base = knobs.base();
        double[][] cum = new double[n][simulations];
        double[] reached = new double[n];
        int sv = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        var list = knobs.all();
        for (int s = 0; s < simulations; s++) {
            Knobs.Setting v = base.copy();
            for (int k = 0; k < list.size(); k++) {
                Figure f = list.get(k).figure();
                if (!f.hasRange()) continue;
                v.set(k, f == in.demandShift ? gaussian(rnd) : triangular(rnd, f.low(), f.value(), f.high()));
            }
            YearResults r = DeficitModel.run(in, v, true);
            int first = r.firstInYearBalance();
            for (int t = 0; t < n; t++) {
                cum[t][s] = r.cumulative[t];
                if (first >= 0 && first <= t) reached[t]++;
            }
            if (first >= 0 && first <= 4) sv++;
        }
        double[] p10 = new double[n], p50 = new double[n], p90 = new double[n];
        for (int t = 0; t < n; t++) {
            Arrays.sort(cum[t]);
            p10[t] = Quantiles.quantile(cum[t], 0.10);
            p50[t] = Quantiles.quantile(cum[t], 0.50);
            p90[t] = Quantiles.quantile(cum[t], 0.90);
            reached[t] /= simulations;
        }
        return new Result(simulations, seed, p10, p50, p90, reached, sv / (double) simulations);
    }

    static double triangular(SplittableRandom rnd, double lo, double mode, double hi) {
        if (hi <= lo) return mode;
        double u = rnd.nextDouble();
        double cut = (mode - lo) / (hi - lo);
        return u < cut ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
    }

    static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

}

package org.sendscope.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sendscope.analysis.Quantiles;
import org.sendscope.forecast.AreaHistory;
import org.sendscope.forecast.Panel;

/**
 * The Monte Carlo of {@code sendscope spark simulate}, on one machine or in a Spark task alike: an
 * LA's EHC plans from January {@code origin}, each simulated year growing by a draw from the normal
 * distribution of its last {@link #YEARS} yearly log growth rates (standard deviation at least
 * {@link #MIN_SD}). An LA's simulations are cut into batches; batch {@code b} draws from its own
 * seed, {@link #seed}(run seed, LA, b), so a batch gives the same paths on whichever machine, task
 * or partition runs it, and the spread over all batches does not depend on how they were shared out
 * (docs/decisions/0192).
 */
public final class PlanSimulation implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Yearly growth rates the draws come from (the last five, as the log-linear trend uses). */
    public static final int YEARS = 5;
    /** Floor on the growth rates' spread: five calm years are not a promise of a calm sixth. */
    public static final double MIN_SD = 0.005;

    private final double start;
    private final double meanGrowth;
    private final double sdGrowth;

    private PlanSimulation(double start, double meanGrowth, double sdGrowth) {
        this.start = start;
        this.meanGrowth = meanGrowth;
        this.sdGrowth = sdGrowth;
    }

    /** The simulation of one LA from {@code origin}, or null without three unbroken Januaries to it. */
    public static PlanSimulation of(AreaHistory area, int origin) {
        double[] run = area.stockRun(origin);
        if (run.length < 3) return null;
        int n = Math.min(YEARS, run.length - 1);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            int t = run.length - n + i;
            if (run[t - 1] <= 0 || run[t] <= 0) return null;
            g[i] = Math.log(run[t] / run[t - 1]);
        }
        double mean = 0;
        for (double x : g) mean += x;
        mean /= n;
        double ss = 0;
        for (double x : g) ss += (x - mean) * (x - mean);
        double sd = Math.max(MIN_SD, Math.sqrt(ss / (n - 1)));
        return new PlanSimulation(run[run.length - 1], mean, sd);
    }

    /** The seed of batch {@code batch} of LA {@code area} in a run seeded {@code runSeed}. */
    public static long seed(long runSeed, String area, int batch) {
        long h = runSeed * 0x9E3779B97F4A7C15L + area.hashCode();
        h = h * 0x9E3779B97F4A7C15L + batch;
        // SplitMix64's finaliser: nearby inputs give unrelated seeds
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    /** The simulations of one batch: {@code [simulation][horizon - 1]} plans, from the batch's own seed. */
    public double[][] batch(long seed, int simulations, int horizon) {
        // java.util.Random's sequence is fixed by its specification, so a seed means the same draws on any JVM
        Random rnd = new Random(seed);
        double[][] out = new double[simulations][horizon];
        for (int s = 0; s < simulations; s++) {
            double level = start;
            for (int h = 0; h < horizon; h++) {
                level *= Math.exp(meanGrowth + sdGrowth * rnd.nextGaussian());
                out[s][h] = level;
            }
        }
        return out;
    }

    /** How many of an LA's {@code simulations} batch {@code b} of {@code batches} runs (the first batches take the remainder). */
    public static int batchSize(int simulations, int batches, int b) {
        return simulations / batches + (b < simulations % batches ? 1 : 0);
    }

    /** One LA's spread in one target year. */
    public record Spread(String areaCode, int targetYear, long simulations, double mean, double p05, double p10,
            double p50, double p90, double p95) {
    }

    /** The quantiles reported, in the order of {@link Spread}'s fields. */
    public static final double[] LEVELS = {0.05, 0.10, 0.50, 0.90, 0.95};

    /**
     * The whole run on one machine, batch after batch: every LA reporting in January {@code origin}.
     * What the Spark job must equal.
     */
    public static List<Spread> run(Panel full, int origin, int horizon, int simulations, int batches, long runSeed) {
        Panel p = full.asOf(origin);
        List<Spread> out = new ArrayList<>();
        for (AreaHistory a : p.forecastable()) {
            PlanSimulation sim = of(a, origin);
            if (sim == null) continue;
            double[][] all = new double[horizon][simulations];
            int k = 0;
            for (int b = 0; b < batches; b++) {
                double[][] paths = sim.batch(seed(runSeed, a.code(), b), batchSize(simulations, batches, b), horizon);
                for (double[] path : paths) {
                    for (int h = 0; h < horizon; h++) all[h][k] = path[h];
                    k++;
                }
            }
            for (int h = 0; h < horizon; h++) {
                double[] v = all[h];
                double sum = 0;
                for (double x : v) sum += x;
                java.util.Arrays.sort(v);
                double[] q = new double[LEVELS.length];
                for (int i = 0; i < q.length; i++) q[i] = Quantiles.quantile(v, LEVELS[i]);
                out.add(new Spread(a.code(), origin + h + 1, simulations, sum / simulations, q[0], q[1], q[2], q[3], q[4]));
            }
        }
        return out;
    }
}

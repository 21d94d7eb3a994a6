package org.sendscope.forecast;

/**
 * Damped-trend exponential smoothing (ETS(A,Ad,N)) on the logarithm of the stock: a level and a
 * growth rate that both learn from each year's surprise, with the growth fading by a factor phi a
 * year ahead. The smoothing weights alpha, beta and the damping phi are chosen by maximum (Gaussian,
 * concentrated) likelihood over a grid; the initial level and growth are the first value and first
 * growth.
 */
public final class DampedTrendModel implements ForecastModel {
    private static final double[] PHIS = {0.80, 0.85, 0.90, 0.95, 0.98};

    @Override
    public String name() {
        return "damped_trend";
    }

    /** A fitted model: its parameters, final state and log likelihood. */
    record Fit(double alpha, double beta, double phi, double level, double trend, double logLik) {
        double forecast(int h) {
            double damp = 0;
            double f = 1;
            for (int i = 1; i <= h; i++) {
                f *= phi;
                damp += f;
            }
            return level + damp * trend;
        }
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] run = area.stockRun(panel.origin());
        if (run.length < 4) return null;
        double[] y = new double[run.length];
        for (int i = 0; i < y.length; i++) y[i] = Math.log(run[i]);
        Fit best = fit(y);
        double[] p = new double[horizon];
        for (int h = 1; h <= horizon; h++) p[h - 1] = Math.exp(best.forecast(h));
        return ModelForecast.of(p, ModelForecast.params("alpha", best.alpha, "beta", best.beta, "phi", best.phi,
                "growth", Math.exp(best.trend) - 1, "log_likelihood", best.logLik));
    }

    /** Fits by grid search over the likelihood. */
    static Fit fit(double[] y) {
        Fit best = null;
        for (int a = 1; a <= 19; a++) {
            double alpha = a * 0.05;
            for (int b = 0; b <= a; b++) {
                double beta = Math.max(0.01, b * 0.05 * alpha);
                for (double phi : PHIS) {
                    Fit f = run(y, alpha, beta, phi);
                    if (best == null || f.logLik > best.logLik) best = f;
                }
            }
        }
        return best;
    }

    static Fit run(double[] y, double alpha, double beta, double phi) {
        double level = y[0];
        double trend = y[1] - y[0];
        double sse = 0;
        int n = 0;
        for (int t = 1; t < y.length; t++) {
            double predicted = level + phi * trend;
            double e = y[t] - predicted;
            if (t >= 2) { // the first step only sets the initial growth
                sse += e * e;
                n++;
            }
            level = predicted + alpha * e;
            trend = phi * trend + beta * e;
        }
        double sigma2 = Math.max(sse / n, 1e-12);
        double logLik = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1);
        return new Fit(alpha, beta, phi, level, trend, logLik);
    }
}

package org.sendscope.forecast;

/**
 * A straight line through the logarithm of the last {@code k} Januaries (constant percentage
 * growth fitted by least squares), projected from the fitted line.
 */
public final class LogLinearTrendModel implements ForecastModel {
    private final int years;

    public LogLinearTrendModel(int years) {
        if (years < 3) throw new IllegalArgumentException("a trend needs at least 3 years");
        this.years = years;
    }

    @Override
    public String name() {
        return "log_linear_" + years + "y";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] run = area.stockRun(panel.origin());
        int n = Math.min(years, run.length);
        if (n < 3) return null;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = i;
            double y = Math.log(run[run.length - n + i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double[] p = new double[horizon];
        for (int h = 1; h <= horizon; h++) p[h - 1] = Math.exp(intercept + slope * (n - 1 + h));
        return ModelForecast.of(p, ModelForecast.params("years", n, "growth", Math.exp(slope) - 1));
    }
}

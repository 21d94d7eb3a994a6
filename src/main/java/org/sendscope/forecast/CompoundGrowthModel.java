package org.sendscope.forecast;

/**
 * Baseline: the compound annual growth of the last {@code k} years carried on ({@code k = 1} is
 * "last growth"). With a shorter history it uses the years there are.
 */
public final class CompoundGrowthModel implements ForecastModel {
    private final int years;

    public CompoundGrowthModel(int years) {
        if (years < 1) throw new IllegalArgumentException("years must be at least 1");
        this.years = years;
    }

    @Override
    public String name() {
        return years == 1 ? "last_growth" : "compound_" + years + "y";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] run = area.stockRun(panel.origin());
        if (run.length < 2) return null;
        int span = Math.min(years, run.length - 1);
        double last = run[run.length - 1];
        double g = Math.pow(last / run[run.length - 1 - span], 1.0 / span);
        return ModelForecast.growing(last, g, horizon, ModelForecast.params("years", span, "growth", g - 1));
    }
}

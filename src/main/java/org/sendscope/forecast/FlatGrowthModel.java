package org.sendscope.forecast;

/**
 * Baseline: a growth rate typed into a spreadsheet — {@code total} over {@code years}, compounded
 * evenly (BCP's plan assumed 35% over five years, about 6.2% a year).
 */
public final class FlatGrowthModel implements ForecastModel {
    private final double total;
    private final int years;
    private final double annual;

    public FlatGrowthModel(double total, int years) {
        this.total = total;
        this.years = years;
        this.annual = Math.pow(1 + total, 1.0 / years);
    }

    @Override
    public String name() {
        return "flat_" + Math.round(total * 100) + "pct_" + years + "y";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] run = area.stockRun(panel.origin());
        if (run.length == 0) return null;
        return ModelForecast.growing(run[run.length - 1], annual, horizon, ModelForecast.params("growth", annual - 1));
    }
}

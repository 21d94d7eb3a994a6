package org.sendscope.forecast;

/** Baseline: every future January as the last one. */
public final class LastValueModel implements ForecastModel {
    @Override
    public String name() {
        return "last_value";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] run = area.stockRun(panel.origin());
        if (run.length == 0) return null;
        return ModelForecast.growing(run[run.length - 1], 1.0, horizon, ModelForecast.params());
    }
}

package org.sendscope.forecast;

/**
 * A way of projecting one area's January stock of EHC plans. A model sees only a panel already cut
 * at the origin ({@link Panel#asOf}), so it cannot use a later year even through pooling or flows.
 * Models give point forecasts (and, for Monte Carlo models, the spread of their simulations);
 * prediction intervals are added afterwards from past out-of-sample errors
 * ({@link IntervalCalibrator}, docs/decisions/0040).
 */
public interface ForecastModel {

    /** The model's name as the CLI and the {@code forecasts} view show it. */
    String name();

    /**
     * Forecasts {@code area} for the Januaries {@code panel.origin() + 1 … + horizon}.
     *
     * @return the forecast, or null when the area's history is too short for this model
     */
    ModelForecast forecast(AreaHistory area, Panel panel, int horizon);
}

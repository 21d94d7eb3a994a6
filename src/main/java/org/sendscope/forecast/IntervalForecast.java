package org.sendscope.forecast;

import java.util.Map;

/**
 * A forecast ready to show: one area, one target January, the point and its calibrated 80% and 95%
 * prediction intervals. For Monte Carlo models, {@code mcMean} and {@code mcStdError} say how well
 * the simulation mean is known (not an interval). {@code parts} holds the forecast of parts (age
 * bands) reconciled to the point, with intervals scaled by the same share.
 *
 * @param model     the model that made the point
 * @param selection {@code given} when the user named the model, {@code auto} when the backtest chose it
 */
public record IntervalForecast(String areaCode, String areaName, int origin, int targetYear, int horizon,
        String model, String selection, double point, double lo80, double hi80, double lo95, double hi95,
        Double mcMean, Double mcStdError, Map<String, Object> parameters, Map<String, Double> parts) {

    /** True when {@code actual} lies in the 80% interval. */
    public boolean covers80(double actual) {
        return actual >= lo80 && actual <= hi80;
    }

    /** True when {@code actual} lies in the 95% interval. */
    public boolean covers95(double actual) {
        return actual >= lo95 && actual <= hi95;
    }
}

package org.sendscope.forecast;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model's forecast for one area from one origin: a point per horizon (index 0 = one year
 * ahead), the scale its errors are measured on (1 for deterministic models; the standard deviation
 * of the log of the simulations for Monte Carlo models), the parameters it fitted, and for Monte
 * Carlo models the Monte Carlo standard error of the mean — which says how precisely the simulation
 * mean is known, and is never a prediction interval.
 *
 * @param point      point forecast per horizon
 * @param logScale   error scale per horizon (log units), > 0
 * @param parameters what the model fitted, for provenance
 * @param mcMean     Monte Carlo mean per horizon, or null
 * @param mcStdError Monte Carlo standard error of that mean, or null
 * @param breakdown  forecast of parts (e.g. {@code age:5-10}) per horizon, or empty
 */
public record ModelForecast(double[] point, double[] logScale, Map<String, Object> parameters, double[] mcMean,
        double[] mcStdError, Map<String, double[]> breakdown) {

    /** A deterministic forecast. */
    public static ModelForecast of(double[] point, Map<String, Object> parameters) {
        double[] scale = new double[point.length];
        java.util.Arrays.fill(scale, 1.0);
        return new ModelForecast(point, scale, parameters, null, null, Map.of());
    }

    /** A forecast that grows the last value {@code last} by {@code growth} a year. */
    public static ModelForecast growing(double last, double growth, int horizon, Map<String, Object> parameters) {
        double[] p = new double[horizon];
        double v = last;
        for (int h = 0; h < horizon; h++) {
            v *= growth;
            p[h] = v;
        }
        return of(p, parameters);
    }

    /**
     * What {@code fallback} forecasts, for a model that cannot forecast the area itself: its
     * point, with its parameters after {@code fallback: <name>}; null where the fallback has none.
     */
    public static ModelForecast fallenBackTo(ForecastModel fallback, AreaHistory area, Panel panel, int horizon) {
        ModelForecast f = fallback.forecast(area, panel, horizon);
        if (f == null) return null;
        Map<String, Object> params = params("fallback", fallback.name());
        params.putAll(f.parameters());
        return of(f.point(), params);
    }

    /** Parameters in insertion order, for readable provenance. */
    public static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    public int horizon() {
        return point.length;
    }
}

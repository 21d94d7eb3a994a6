package org.sendscope.forecast;

import java.util.HashMap;
import java.util.Map;

/**
 * A model that remembers its forecasts for the panel it last saw, so that a combination and the
 * model itself, fitted at the same origin, share one fit (and one set of simulations).
 */
final class RememberingModel implements ForecastModel {
    private final ForecastModel inner;
    private Panel panel;
    private final Map<String, ModelForecast> remembered = new HashMap<>();

    RememberingModel(ForecastModel inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public synchronized ModelForecast forecast(AreaHistory area, Panel p, int horizon) {
        if (p != panel) {
            remembered.clear();
            panel = p;
        }
        String key = area.code() + "|" + horizon;
        if (remembered.containsKey(key)) return remembered.get(key);
        ModelForecast f = inner.forecast(area, p, horizon);
        remembered.put(key, f);
        return f;
    }
}

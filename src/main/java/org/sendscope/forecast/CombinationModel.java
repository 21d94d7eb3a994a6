package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometric mean of several models' point forecasts: errors of different models partly cancel,
 * so a plain average is a hard baseline to beat. Components that cannot forecast an area are left
 * out; the parameters record which were used.
 */
public final class CombinationModel implements ForecastModel {
    private final String name;
    private final List<ForecastModel> components;

    public CombinationModel(String name, List<ForecastModel> components) {
        this.name = name;
        this.components = List.copyOf(components);
    }

    @Override
    public String name() {
        return name;
    }

    public List<ForecastModel> components() {
        return components;
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        double[] logSum = new double[horizon];
        List<String> used = new ArrayList<>();
        for (ForecastModel m : components) {
            ModelForecast f = m.forecast(area, panel, horizon);
            if (f == null) continue;
            used.add(m.name());
            for (int h = 0; h < horizon; h++) logSum[h] += Math.log(Math.max(f.point()[h], 1e-9));
        }
        if (used.isEmpty()) return null;
        double[] p = new double[horizon];
        for (int h = 0; h < horizon; h++) p[h] = Math.exp(logSum[h] / used.size());
        return ModelForecast.of(p, ModelForecast.params("components", used));
    }
}

package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalogue of models by name: the four baselines, the fitted models and their combination. */
public final class Models {
    /** The name of the model chosen by backtest at each origin and horizon. */
    public static final String AUTO = "auto";
    /** Simulations per area for the Monte Carlo models unless told otherwise. */
    public static final int DEFAULT_SIMULATIONS = 1000;

    private Models() {
    }

    /** The baselines an LA would use without this project. */
    public static List<String> baselines() {
        return List.of("last_value", "last_growth", "compound_3y", "flat_35pct_5y");
    }

    /** Every model, fresh instances, in display order. */
    public static Map<String, ForecastModel> all(int simulations) {
        PooledGrowthModel pooledFit = new PooledGrowthModel();
        // The combination and the models themselves share one fit per origin.
        ForecastModel pooled = new RememberingModel(pooledFit);
        ForecastModel damped = new RememberingModel(new DampedTrendModel());
        ForecastModel flow = new RememberingModel(new FlowModel(3, pooledFit));
        ForecastModel cohort = new RememberingModel(new AgeCohortModel(4, simulations, pooledFit));
        ForecastModel leading = new RememberingModel(new LeadingIndicatorModel(pooledFit));
        List<ForecastModel> list = new ArrayList<>(List.of(
                new LastValueModel(), new CompoundGrowthModel(1), new CompoundGrowthModel(3),
                new FlatGrowthModel(0.35, 5), new LogLinearTrendModel(5), damped, leading, pooled, flow, cohort,
                new CombinationModel("combined", List.of(pooled, damped, flow, cohort)),
                new PlacementShareModel(pooled)));
        Map<String, ForecastModel> m = new LinkedHashMap<>();
        for (ForecastModel f : list) m.put(f.name(), f);
        return m;
    }

    /**
     * The models {@code auto} may choose from: not the baselines, and not placement_shares, whose
     * total is pooled growth's (it is there for its parts).
     */
    public static List<String> candidates(Map<String, ForecastModel> models) {
        List<String> out = new ArrayList<>();
        for (String n : models.keySet()) if (!baselines().contains(n) && !n.equals("placement_shares")) out.add(n);
        return out;
    }
}

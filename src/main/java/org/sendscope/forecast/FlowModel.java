package org.sendscope.forecast;

import java.util.Map;

/**
 * The stock projected from its flows: next January = this January × (1 − exit rate) + new plans in
 * the calendar year between them. New plans are requests × the conversion rate from requests to
 * plans, with requests (or, without them, new plans) growing from their last year at the area's
 * pooled growth ({@link PooledGrowthModel}). The exit rate — plans ceased, moved away or otherwise gone, as a share of
 * the January stock — is measured from the identity itself, so it also absorbs what SEN2 does not
 * count as a ceased plan; the published ceased rate is kept as a parameter. A calendar-year flow
 * belongs to the January that follows it: from origin January T the last flow used is year T−1.
 * Where an area has too few years of flows (new or merged areas) it falls back to pooled growth.
 */
public final class FlowModel implements ForecastModel {
    private final int years;
    private final PooledGrowthModel fallback;

    public FlowModel(int years, PooledGrowthModel fallback) {
        this.years = years;
        this.fallback = fallback;
    }

    public FlowModel() {
        this(3, new PooledGrowthModel());
    }

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        int origin = panel.origin();
        YearSeries s = area.stock();
        YearSeries newPlans = area.newPlans();
        // Exit rates and conversion rates over the last `years` complete years (flow year y: Jan y → Jan y+1).
        double exitSum = 0, convSum = 0, ceasedSum = 0;
        int nExit = 0, nConv = 0, nCeased = 0;
        for (int y = origin - 1; y >= origin - years; y--) {
            if (y < area.reportedFrom()) break;
            double n = newPlans.get(y);
            if (Double.isNaN(n) || !s.has(y) || !s.has(y + 1)) continue;
            exitSum += (s.get(y) + n - s.get(y + 1)) / s.get(y);
            nExit++;
            double r = area.requests().get(y);
            if (!Double.isNaN(r) && r > 0) {
                convSum += n / r;
                nConv++;
            }
            double c = area.ceased().get(y);
            if (!Double.isNaN(c)) {
                ceasedSum += c / s.get(y);
                nCeased++;
            }
        }
        if (nExit < 2) return fallback(area, panel, horizon);
        double exit = exitSum / nExit;
        boolean useRequests = nConv >= 2 && area.requests().has(origin - 1);
        double conversion = useRequests ? convSum / nConv : Double.NaN;
        YearSeries driver = useRequests ? area.requests() : newPlans;
        double[] driverRun = driver.runEndingAt(origin - 1);
        if (driverRun.length == 0) return fallback(area, panel, horizon);
        int span = Math.min(years, driverRun.length - 1);
        double driverLast = driverRun[driverRun.length - 1];
        double driverGrowth = span == 0 ? 1.0 : Math.pow(driverLast / driverRun[driverRun.length - 1 - span], 1.0 / span);
        double ownGrowth = driverGrowth;
        // The driver's own recent growth is too noisy to carry forward (backtest MAPE 10.1% at two
        // years against 8.8%): it grows at the area's pooled stock growth instead.
        PooledGrowthModel.Estimate pooled = fallback.estimates(panel).get(area.code());
        if (pooled != null) driverGrowth = Math.exp(pooled.pooled());
        double stock = s.get(origin);
        double d = driverLast;
        double[] p = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            d *= driverGrowth; // the flow of calendar year origin + h
            double added = useRequests ? d * conversion : d;
            stock = Math.max(0, stock * (1 - exit) + added);
            p[h] = stock;
        }
        Map<String, Object> params = ModelForecast.params("exit_rate", exit, "ceased_rate",
                nCeased == 0 ? null : ceasedSum / nCeased, "driver", useRequests ? "requests" : "new_plans",
                "conversion", useRequests ? conversion : null, "driver_growth", driverGrowth - 1, "driver_own_growth", ownGrowth - 1, "flow_years", nExit);
        return ModelForecast.of(p, params);
    }

    private ModelForecast fallback(AreaHistory area, Panel panel, int horizon) {
        return ModelForecast.fallenBackTo(fallback, area, panel, horizon);
    }
}

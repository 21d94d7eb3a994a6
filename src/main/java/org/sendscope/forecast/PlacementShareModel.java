package org.sendscope.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.breakdown.Breakdown;
import org.sendscope.breakdown.Breakdowns;

/**
 * The total from pooled growth, split by placement group (mainstream, special, AP/PRU, FE, …):
 * each group's share of the placed total carried on from the latest January with placements, moving
 * along its trend of the last three years with the trend fading by 0.7 a year, then normalised so
 * that the parts sum to the total. Shares, not counts, are projected, so the parts can never
 * disagree with the total (DfE's group columns do not sum exactly to the published total).
 */
public final class PlacementShareModel implements ForecastModel {
    /** The placement groups of the breakdowns reference (docs/decisions/0002, 0121). */
    public static final List<String> GROUPS = Breakdowns.placementGroups().stream().map(Breakdown::value).toList();
    /** Group value → breakdown code, as the forecast's parts are stored. */
    private static final Map<String, String> CODES = Breakdowns.placementGroups().stream()
            .collect(java.util.stream.Collectors.toMap(Breakdown::value, Breakdown::code));
    private static final int TREND_YEARS = 3;
    private static final double FADE = 0.7;

    private final ForecastModel total;

    public PlacementShareModel(ForecastModel total) {
        this.total = total;
    }

    @Override
    public String name() {
        return "placement_shares";
    }

    @Override
    public ModelForecast forecast(AreaHistory area, Panel panel, int horizon) {
        ModelForecast t = total.forecast(area, panel, horizon);
        if (t == null) return null;
        int origin = panel.origin();
        int last = origin;
        while (last >= origin - 1 && shares(area, last) == null) last--;
        Map<String, Object> params = new LinkedHashMap<>(t.parameters());
        params.put("total_from", total.name());
        if (last < origin - 1) {
            params.put("placements", "none in the last two Januaries");
            return new ModelForecast(t.point(), t.logScale(), params, t.mcMean(), t.mcStdError(), Map.of());
        }
        Map<String, Double> now = shares(area, last);
        Map<String, Double> before = shares(area, last - TREND_YEARS);
        Map<String, double[]> parts = new LinkedHashMap<>();
        List<String> groups = new ArrayList<>(now.keySet());
        double[][] share = new double[groups.size()][horizon];
        for (int h = 1; h <= horizon; h++) {
            int steps = origin + h - last;
            double fade = 0;
            for (int i = 1; i <= steps; i++) fade += Math.pow(FADE, i);
            double sum = 0;
            for (int g = 0; g < groups.size(); g++) {
                double s = now.get(groups.get(g));
                double trend = before == null || !before.containsKey(groups.get(g)) ? 0
                        : (s - before.get(groups.get(g))) / TREND_YEARS;
                share[g][h - 1] = Math.max(0, s + trend * fade);
                sum += share[g][h - 1];
            }
            for (int g = 0; g < groups.size(); g++) share[g][h - 1] /= sum;
        }
        for (int g = 0; g < groups.size(); g++) {
            double[] p = new double[horizon];
            for (int h = 0; h < horizon; h++) p[h] = t.point()[h] * share[g][h];
            parts.put(CODES.get(groups.get(g)), p);
            params.put("share_" + groups.get(g), now.get(groups.get(g)));
        }
        params.put("placement_year", last);
        return new ModelForecast(t.point(), t.logScale(), params, t.mcMean(), t.mcStdError(), parts);
    }

    /** Each group's share of the placed plans in {@code year}, or null if no group is reported. */
    static Map<String, Double> shares(AreaHistory area, int year) {
        Map<String, Double> v = new LinkedHashMap<>();
        double sum = 0;
        for (String g : GROUPS) {
            YearSeries s = area.placements().get(g);
            if (s == null || !s.has(year)) continue;
            v.put(g, s.get(year));
            sum += s.get(year);
        }
        if (v.isEmpty() || sum <= 0) return null;
        for (Map.Entry<String, Double> e : v.entrySet()) e.setValue(e.getValue() / sum);
        return v;
    }
}

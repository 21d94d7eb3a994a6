package org.sendscope.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sendscope.breakdown.Breakdowns;

/**
 * The rows a {@link Panel} is built from, in plain serialisable form, so that the warehouse reader
 * and a Spark job build exactly the same panel: one value per area, series key and year, the
 * areas' names and regions, neighbour lists and successions.
 */
public final class PanelInputs implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * One published value of a measure, for the total ({@code dimension} {@code total}) or a part
     * ({@code age} band {@code 5-10}, {@code placement} group {@code special}), as the breakdowns
     * reference names them.
     */
    public record Value(String areaCode, String areaName, String measure, String dimension, String dimensionValue,
            int year, double value) implements Serializable {
    }

    private final List<Value> values = new ArrayList<>();
    private final Map<String, String[]> areaInfo = new HashMap<>();
    private final Map<String, List<String>> neighbours = new HashMap<>();
    private final List<String[]> successions = new ArrayList<>();

    /** Adds a value: {@code dimension} and {@code dimensionValue} are the breakdowns reference's columns. */
    public void value(String areaCode, String areaName, String measure, String dimension, String dimensionValue,
            int year, double value) {
        values.add(new Value(areaCode, areaName, measure, dimension, dimensionValue, year, value));
    }

    public void area(String code, String name, String regionCode) {
        areaInfo.put(code, new String[] {name, regionCode});
    }

    /** Adds a neighbour; call in rank order. */
    public void neighbour(String areaCode, String neighbourCode) {
        neighbours.computeIfAbsent(areaCode, k -> new ArrayList<>()).add(neighbourCode);
    }

    public void succession(String predecessor, String successor) {
        successions.add(new String[] {predecessor, successor});
    }

    /** The panel of every area with values, in order of first appearance. */
    public Panel panel() {
        Map<String, String> names = new LinkedHashMap<>();
        // per area: the totals by measure, and ehc_plans' parts by dimension and value
        Map<String, Map<String, Map<Integer, Double>>> series = new HashMap<>();
        Map<String, Map<String, Map<String, Map<Integer, Double>>>> parts = new HashMap<>();
        for (Value v : values) {
            names.putIfAbsent(v.areaCode(), v.areaName());
            Map<String, Map<Integer, Double>> target = v.dimension().equals(Breakdowns.TOTAL)
                    ? series.computeIfAbsent(v.areaCode(), k -> new HashMap<>())
                    : v.measure().equals("ehc_plans") ? parts.computeIfAbsent(v.areaCode(), k -> new HashMap<>())
                            .computeIfAbsent(v.dimension(), k -> new HashMap<>()) : null;
            if (target == null) continue;
            String key = v.dimension().equals(Breakdowns.TOTAL) ? v.measure() : v.dimensionValue();
            target.computeIfAbsent(key, k -> new TreeMap<>()).put(v.year(), v.value());
        }
        List<AreaHistory> areas = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String code = e.getKey();
            Map<String, Map<Integer, Double>> m = series.getOrDefault(code, Map.of());
            Map<String, Map<String, Map<Integer, Double>>> byDimension = parts.getOrDefault(code, Map.of());
            Map<String, YearSeries> bands = new TreeMap<>();
            byDimension.getOrDefault("age", Map.of()).forEach((band, ys) -> bands.put(band, YearSeries.fromMap(ys)));
            Map<String, YearSeries> placements = new TreeMap<>();
            byDimension.getOrDefault("placement", Map.of()).forEach((group, ys) -> placements.put(group, YearSeries.fromMap(ys)));
            YearSeries stock = YearSeries.fromMap(m.getOrDefault("ehc_plans", Map.of()));
            String[] info = areaInfo.get(code);
            String name = info != null && info[0] != null ? info[0] : e.getValue();
            areas.add(new AreaHistory(code, name, info == null ? null : info[1], stock,
                    YearSeries.fromMap(m.getOrDefault("ehc_plans_new", Map.of())),
                    YearSeries.fromMap(m.getOrDefault("ehc_requests", Map.of())),
                    YearSeries.fromMap(m.getOrDefault("ehc_plans_ceased", Map.of())), bands,
                    stock.isEmpty() ? Integer.MIN_VALUE : stock.firstYear(), placements));
        }
        List<Panel.Succession> s = new ArrayList<>();
        for (String[] x : successions) s.add(new Panel.Succession(x[0], x[1]));
        return Panel.of(areas, neighbours, s);
    }
}

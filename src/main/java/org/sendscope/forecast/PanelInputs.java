package org.sendscope.forecast;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a {@link Panel} is built from, in plain serialisable form, so that the warehouse reader
 * and a Spark job build exactly the same panel: one value per area, series key and year, the
 * areas' names and regions, neighbour lists and successions.
 */
public final class PanelInputs implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One published value: {@code key} is {@code measure|breakdown}. */
    public record Value(String areaCode, String areaName, String key, int year, double value) implements Serializable {
    }

    private final List<Value> values = new ArrayList<>();
    private final Map<String, String[]> areaInfo = new HashMap<>();
    private final Map<String, List<String>> neighbours = new HashMap<>();
    private final List<String[]> successions = new ArrayList<>();

    public void value(String areaCode, String areaName, String measure, String breakdown, int year, double value) {
        values.add(new Value(areaCode, areaName, measure + "|" + breakdown, year, value));
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
        Map<String, Map<String, Map<Integer, Double>>> series = new HashMap<>();
        for (Value v : values) {
            names.putIfAbsent(v.areaCode(), v.areaName());
            series.computeIfAbsent(v.areaCode(), k -> new HashMap<>()).computeIfAbsent(v.key(), k -> new TreeMap<>())
                    .put(v.year(), v.value());
        }
        List<AreaHistory> areas = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            String code = e.getKey();
            Map<String, Map<Integer, Double>> m = series.get(code);
            Map<String, YearSeries> bands = new TreeMap<>();
            Map<String, YearSeries> placements = new TreeMap<>();
            for (Map.Entry<String, Map<Integer, Double>> k : m.entrySet()) {
                if (k.getKey().startsWith("ehc_plans|age:")) {
                    bands.put(k.getKey().substring("ehc_plans|age:".length()), YearSeries.fromMap(k.getValue()));
                } else if (k.getKey().startsWith("ehc_plans|placement:")) {
                    placements.put(k.getKey().substring("ehc_plans|placement:".length()), YearSeries.fromMap(k.getValue()));
                }
            }
            YearSeries stock = YearSeries.fromMap(m.getOrDefault("ehc_plans|total", Map.of()));
            String[] info = areaInfo.get(code);
            String name = info != null && info[0] != null ? info[0] : e.getValue();
            areas.add(new AreaHistory(code, name, info == null ? null : info[1], stock,
                    YearSeries.fromMap(m.getOrDefault("ehc_plans_new|total", Map.of())),
                    YearSeries.fromMap(m.getOrDefault("ehc_requests|total", Map.of())),
                    YearSeries.fromMap(m.getOrDefault("ehc_plans_ceased|total", Map.of())), bands,
                    stock.isEmpty() ? Integer.MIN_VALUE : stock.firstYear(), placements));
        }
        List<Panel.Succession> s = new ArrayList<>();
        for (String[] x : successions) s.add(new Panel.Succession(x[0], x[1]));
        return Panel.of(areas, neighbours, s);
    }
}

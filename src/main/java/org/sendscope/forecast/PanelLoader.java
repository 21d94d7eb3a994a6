package org.sendscope.forecast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Reads the SEN2 series every LA has from the warehouse's public views into a {@link Panel}:
 * {@code ehc_plans} (January; total and age bands), {@code ehc_plans_new}, {@code ehc_requests},
 * {@code ehc_plans_ceased} (calendar years), the areas' names and regions, statistical neighbours
 * and the LA successions. Suppressed values stay missing.
 */
public final class PanelLoader {
    private PanelLoader() {
    }

    /** The LA panel in {@code w} (latest vintage of every value). */
    public static Panel load(Warehouse w) {
        try {
            Map<String, String[]> areaInfo = new HashMap<>(); // code -> {name, region}
            try (Statement s = w.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT area_code, name, region_code FROM areas")) {
                while (rs.next()) areaInfo.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Map<String, Map<Integer, Double>>> series = new HashMap<>(); // code -> key -> year -> value
            String sql = """
                    SELECT area_code, any_value(area_name) OVER (PARTITION BY area_code) AS area_name, measure, breakdown,
                           year(period_start) AS y, value
                    FROM observations
                    WHERE level = 'local_authority' AND value IS NOT NULL
                      AND ((measure = 'ehc_plans' AND period_kind = 'census_january'
                            AND (breakdown = 'total' OR breakdown LIKE 'age:%'))
                        OR (measure IN ('ehc_plans_new', 'ehc_requests', 'ehc_plans_ceased')
                            AND period_kind = 'calendar_year' AND breakdown = 'total'))
                    ORDER BY area_code, measure, breakdown, y""";
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    names.putIfAbsent(code, rs.getString(2));
                    String key = rs.getString(3) + "|" + rs.getString(4);
                    series.computeIfAbsent(code, k -> new HashMap<>()).computeIfAbsent(key, k -> new TreeMap<>())
                            .put(rs.getInt(5), rs.getDouble(6));
                }
            }
            List<AreaHistory> areas = new ArrayList<>();
            for (Map.Entry<String, String> e : names.entrySet()) {
                String code = e.getKey();
                Map<String, Map<Integer, Double>> m = series.get(code);
                Map<String, YearSeries> bands = new TreeMap<>();
                for (Map.Entry<String, Map<Integer, Double>> k : m.entrySet()) {
                    if (k.getKey().startsWith("ehc_plans|age:")) {
                        bands.put(k.getKey().substring("ehc_plans|age:".length()), YearSeries.fromMap(k.getValue()));
                    }
                }
                YearSeries stock = YearSeries.fromMap(m.getOrDefault("ehc_plans|total", Map.of()));
                String[] info = areaInfo.get(code);
                String name = info != null && info[0] != null ? info[0] : e.getValue();
                areas.add(new AreaHistory(code, name, info == null ? null : info[1], stock,
                        YearSeries.fromMap(m.getOrDefault("ehc_plans_new|total", Map.of())),
                        YearSeries.fromMap(m.getOrDefault("ehc_requests|total", Map.of())),
                        YearSeries.fromMap(m.getOrDefault("ehc_plans_ceased|total", Map.of())), bands,
                        stock.isEmpty() ? Integer.MIN_VALUE : stock.firstYear()));
            }
            Map<String, List<String>> neighbours = new HashMap<>();
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT area_code, neighbour_code FROM statistical_neighbours ORDER BY area_code, rank")) {
                while (rs.next()) neighbours.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
            List<Panel.Succession> successions = new ArrayList<>();
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT area_code, successor_code FROM areas WHERE successor_code IS NOT NULL
                    UNION SELECT area_code, successor_code FROM area_split""")) {
                while (rs.next()) successions.add(new Panel.Succession(rs.getString(1), rs.getString(2)));
            }
            return Panel.of(areas, neighbours, successions);
        } catch (SQLException e) {
            throw new WarehouseException("reading the EHC plan series: " + e.getMessage(), e);
        }
    }
}

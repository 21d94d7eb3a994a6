package org.sendscope.forecast;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Reads the SEN2 series every LA has from the warehouse's public views into a {@link Panel}:
 * {@code ehc_plans} (January; total, age bands and placement groups), {@code ehc_plans_new}, {@code ehc_requests},
 * {@code ehc_plans_ceased} (calendar years), the areas' names and regions, statistical neighbours
 * and the LA successions. Suppressed values stay missing.
 */
public final class PanelLoader {
    /**
     * The LA values the models use, one row per area, series and year (latest vintage): the total,
     * and for {@code ehc_plans} the age bands and placement groups, as the {@code breakdowns}
     * reference marks them (its dimension and value columns, so no code takes a breakdown apart).
     */
    public static final String SERIES_SQL = """
            SELECT o.area_code, any_value(o.area_name) OVER (PARTITION BY o.area_code) AS area_name, o.measure,
                   o.breakdown, b.dimension, b.dimension_value, CAST(year(o.period_start) AS INTEGER) AS year, o.value
            FROM observations o JOIN breakdowns b USING (breakdown)
            WHERE o.level = 'local_authority' AND o.value IS NOT NULL
              AND ((o.measure = 'ehc_plans' AND o.period_kind = 'census_january'
                    AND (b.dimension = 'total' OR (b.dimension IN ('age', 'placement') AND b.is_group)))
                OR (o.measure IN ('ehc_plans_new', 'ehc_requests', 'ehc_plans_ceased')
                    AND o.period_kind = 'calendar_year' AND b.dimension = 'total'))
            ORDER BY o.area_code, o.measure, o.breakdown, year""";
    /** Names and regions. */
    public static final String AREAS_SQL = "SELECT area_code, name, region_code FROM areas ORDER BY area_code";
    /** Current statistical neighbours in rank order. */
    public static final String NEIGHBOURS_SQL =
            "SELECT area_code, neighbour_code FROM statistical_neighbours ORDER BY area_code, rank";
    /** Every predecessor → successor pair. */
    public static final String SUCCESSIONS_SQL = """
            SELECT area_code, successor_code FROM areas WHERE successor_code IS NOT NULL
            UNION SELECT area_code, successor_code FROM area_split ORDER BY 1, 2""";

    private PanelLoader() {
    }

    /** The LA panel in {@code w} (latest vintage of every value). */
    public static Panel load(Warehouse w) {
        return inputs(w).panel();
    }

    /** The rows the panel is built from. */
    public static PanelInputs inputs(Warehouse w) {
        PanelInputs in = new PanelInputs();
        try (Statement s = w.connection().createStatement()) {
            try (ResultSet rs = s.executeQuery(AREAS_SQL)) {
                while (rs.next()) in.area(rs.getString(1), rs.getString(2), rs.getString(3));
            }
            try (ResultSet rs = s.executeQuery(SERIES_SQL)) {
                while (rs.next()) {
                    in.value(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5), rs.getString(6),
                            rs.getInt(7), rs.getDouble(8));
                }
            }
            try (ResultSet rs = s.executeQuery(NEIGHBOURS_SQL)) {
                while (rs.next()) in.neighbour(rs.getString(1), rs.getString(2));
            }
            try (ResultSet rs = s.executeQuery(SUCCESSIONS_SQL)) {
                while (rs.next()) in.succession(rs.getString(1), rs.getString(2));
            }
            return in;
        } catch (SQLException e) {
            throw new WarehouseException("reading the EHC plan series: " + e.getMessage(), e);
        }
    }
}

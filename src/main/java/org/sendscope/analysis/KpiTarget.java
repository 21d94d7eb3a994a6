package org.sendscope.analysis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sendscope.warehouse.Warehouse;

/**
 * A local KPI's target and required direction of travel for one area, from the {@code kpi_targets}
 * view (the local scorecards' "BCP Target" and "Required Direction of Travel" columns). A measure
 * without one is judged by its catalogue polarity and has no RAG.
 */
public record KpiTarget(String measure, String areaCode, Double target, Polarity polarity) {

    /** The target of {@code measure} for {@code areaCode}, or null when there is none (or no kpi_targets view yet). */
    public static KpiTarget find(Warehouse w, String measure, String areaCode) throws SQLException {
        if (w.count("SELECT count(*) FROM duckdb_views() WHERE view_name = 'kpi_targets'") == 0) return null;
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT target, required_direction FROM kpi_targets WHERE measure = ? AND area_code = ?")) {
            p.setString(1, measure);
            p.setString(2, areaCode);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) return null;
                double t = rs.getDouble(1);
                Double target = rs.wasNull() ? null : t;
                String dir = rs.getString(2);
                return new KpiTarget(measure, areaCode, target, dir == null ? null : Polarity.of(dir));
            }
        }
    }
}

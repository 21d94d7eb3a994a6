package org.sendscope.forecast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Writes a forecast run to the warehouse ({@code forecast_run}, {@code forecast_fact}; public view
 * {@code forecasts}) in one transaction, with its provenance: the loads it read, the cut-off rules,
 * the engine's settings and the command line.
 */
public final class ForecastStore {
    private ForecastStore() {
    }

    /** What a run was asked for. */
    public record Run(String measure, int origin, int horizon, String model, Map<String, Object> parameters,
            String command) {
    }

    /** Stores {@code rows} as one run; returns its run id. */
    public static long save(Warehouse w, Run run, List<IntervalForecast> rows) {
        var c = w.connection();
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long runId;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('forecast_run_seq')")) {
                    rs.next();
                    runId = rs.getLong(1);
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO forecast_run VALUES (?, now(), ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setLong(1, runId);
                    p.setString(2, run.measure());
                    p.setInt(3, run.origin());
                    p.setInt(4, run.horizon());
                    p.setString(5, run.model());
                    p.setString(6, Json.of(inputs(w, run.origin())));
                    p.setString(7, Json.of(run.parameters()));
                    p.setString(8, run.command());
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO forecast_fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (IntervalForecast f : rows) {
                        add(p, runId, f, "total", 1.0, f.mcMean(), f.mcStdError(), Json.of(f.parameters()));
                        for (Map.Entry<String, Double> part : f.parts().entrySet()) {
                            add(p, runId, f, part.getKey(), part.getValue() / f.point(), null, null, null);
                        }
                    }
                    p.executeBatch();
                }
                c.commit();
                return runId;
            } catch (Throwable e) {
                // an Error too: switching autocommit back on below would commit half a forecast run
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new WarehouseException("storing the forecast: " + e.getMessage(), e);
        }
    }

    private static void add(PreparedStatement p, long runId, IntervalForecast f, String breakdown, double share,
            Double mcMean, Double mcSe, String params) throws SQLException {
        p.setLong(1, runId);
        p.setString(2, f.areaCode());
        p.setString(3, f.areaName());
        p.setInt(4, f.targetYear());
        p.setInt(5, f.horizon());
        p.setString(6, f.model());
        p.setString(7, f.selection());
        p.setString(8, breakdown);
        setDouble(p, 9, f.point() * share);
        setDouble(p, 10, f.lo80() * share);
        setDouble(p, 11, f.hi80() * share);
        setDouble(p, 12, f.lo95() * share);
        setDouble(p, 13, f.hi95() * share);
        setDouble(p, 14, mcMean == null ? Double.NaN : mcMean * share);
        setDouble(p, 15, mcSe == null ? Double.NaN : mcSe * share);
        p.setString(16, params);
        p.addBatch();
    }

    private static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) p.setNull(i, Types.DOUBLE);
        else p.setDouble(i, v);
    }

    /** The loads a forecast read, and the rule that cut them at the origin. */
    static Map<String, Object> inputs(Warehouse w, int origin) throws SQLException {
        List<Map<String, Object>> loads = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery("""
                SELECT load_id, source, file_name, sha256, vintage FROM loads
                WHERE status = 'loaded' AND source IN ('dfe-ehcp', 'neighbours') ORDER BY load_id""")) {
            while (rs.next()) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("load_id", rs.getLong(1));
                l.put("source", rs.getString(2));
                l.put("file", rs.getString(3));
                l.put("sha256", rs.getString(4));
                l.put("vintage", rs.getString(5));
                loads.add(l);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("series", List.of("ehc_plans", "ehc_plans_new", "ehc_requests", "ehc_plans_ceased"));
        m.put("stock_up_to_january", origin);
        m.put("flows_up_to_calendar_year", origin - 1);
        m.put("loads", loads);
        return m;
    }
}

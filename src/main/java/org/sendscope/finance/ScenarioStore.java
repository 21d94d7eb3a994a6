package org.sendscope.finance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Writes a scenario run to the warehouse ({@code scenario_run}, {@code scenario_year_fact},
 * {@code scenario_category_fact}; views {@code scenario_runs}, {@code scenario_years},
 * {@code scenario_placements}) in one transaction, with the file's text and checksum, the forecast
 * run it used and the seed, so a figure in a report can be traced back to what made it.
 */
public final class ScenarioStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScenarioStore() {
    }

    /** Stores one run; returns its run id. {@code sim} may be null. */
    public static long save(Warehouse w, ScenarioInputs in, YearResults r, ScenarioSimulation.Result sim,
            String fileName, String command) {
        Connection c = w.connection();
        Scenario s = in.scenario;
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long run;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT nextval('scenario_run_seq')")) {
                    rs.next();
                    run = rs.getLong(1);
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO scenario_run VALUES "
                        + "(?, now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    int i = 1;
                    p.setLong(i++, run);
                    p.setString(i++, s.name());
                    p.setString(i++, s.title());
                    p.setString(i++, s.area());
                    p.setString(i++, s.baseYear().toString());
                    p.setInt(i++, s.horizon());
                    p.setString(i++, fileName);
                    p.setString(i++, s.text());
                    p.setString(i++, s.sha256());
                    if (in.forecastRunId == null) p.setNull(i++, Types.BIGINT);
                    else p.setLong(i++, in.forecastRunId);
                    p.setString(i++, in.demandSource);
                    p.setString(i++, in.mixSource);
                    p.setDouble(i++, in.ceaseRate.value());
                    p.setDouble(i++, in.calibrationFactor);
                    p.setInt(i++, sim == null ? 0 : sim.simulations());
                    p.setLong(i++, sim == null ? s.seed() : sim.seed());
                    int first = r.firstInYearBalance();
                    p.setString(i++, first < 0 ? null : r.year(first).toString());
                    p.setBoolean(i++, r.safetyValveMet());
                    setDouble(p, i++, r.safetyValveShortfall());
                    setDouble(p, i++, r.yearFiveBalance());
                    setDouble(p, i++, r.overrideEndBalance());
                    p.setString(i++, inputsJson(in));
                    p.setString(i, command);
                    p.executeUpdate();
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO scenario_year_fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int t = 0; t < r.years(); t++) {
                        p.setLong(1, run);
                        p.setString(2, r.year(t).toString());
                        p.setInt(3, t + 1);
                        p.setDouble(4, r.ehcps(t));
                        p.setDouble(5, r.hnbFunding(t));
                        p.setDouble(6, r.transfer(t));
                        p.setDouble(7, r.funding(t));
                        p.setDouble(8, r.spend(t));
                        p.setDouble(9, r.inYearBalance(t));
                        p.setDouble(10, r.cumulativeBalance(t));
                        setDouble(p, 11, sim == null ? Double.NaN : sim.p10()[t]);
                        setDouble(p, 12, sim == null ? Double.NaN : sim.p50()[t]);
                        setDouble(p, 13, sim == null ? Double.NaN : sim.p90()[t]);
                        setDouble(p, 14, sim == null ? Double.NaN : sim.pInYearBalance()[t]);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO scenario_category_fact VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (int t = 0; t < r.years(); t++) {
                        for (PlacementCategory pc : PlacementCategory.values()) {
                            add(p, run, r.year(t), pc, "total", r.plans(t, pc), r.spend(t, pc));
                            if (in.ageMix == null) continue;
                            for (AgeGroup a : AgeGroup.values()) add(p, run, r.year(t), pc, a.breakdown(), r.plans(t, pc, a), Double.NaN);
                        }
                    }
                    p.executeBatch();
                }
                c.commit();
                return run;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new WarehouseException("storing the scenario run: " + e.getMessage(), e);
        }
    }

    private static void add(PreparedStatement p, long run, FinancialYear y, PlacementCategory c, String age,
            double plans, double spend) throws SQLException {
        p.setLong(1, run);
        p.setString(2, y.toString());
        p.setString(3, c.code());
        p.setString(4, age);
        setDouble(p, 5, plans);
        setDouble(p, 6, spend);
        p.addBatch();
    }

    private static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) p.setNull(i, Types.DOUBLE);
        else p.setDouble(i, v);
    }

    /** What the run used beyond the file: calibrated unit costs, the mix, the cease rate and every knob. */
    static String inputsJson(ScenarioInputs in) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> costs = new LinkedHashMap<>();
        Map<String, Object> mix = new LinkedHashMap<>();
        for (PlacementCategory c : PlacementCategory.values()) {
            costs.put(c.code(), Math.round(in.unitCost(c)));
            mix.put(c.code(), in.mix[c.ordinal()]);
        }
        m.put("unit_costs_after_calibration_gbp", costs);
        m.put("calibration_factor", in.calibrationFactor);
        m.put("placement_mix", mix);
        m.put("placement_mix_source", in.mixSource);
        m.put("age_mix_source", in.ageSource);
        m.put("cease_rate", in.ceaseRate.value());
        m.put("cease_rate_source", in.ceaseRate.source());
        m.put("demand_source", in.demandSource);
        Map<String, Object> knobs = new LinkedHashMap<>();
        for (Knobs.Knob k : in.knobs.all()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("value", k.figure().value());
            if (k.figure().hasRange()) {
                f.put("low", k.figure().low());
                f.put("high", k.figure().high());
            }
            f.put("source", k.figure().source());
            knobs.put(k.name(), f);
        }
        m.put("figures", knobs);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

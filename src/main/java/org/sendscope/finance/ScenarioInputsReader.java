package org.sendscope.finance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.ForecastStore;
import org.sendscope.forecast.IntervalForecast;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * Fills in what a scenario takes from the warehouse: the SEN2 placement mix (through
 * {@link PlacementCategory}), the age mix, the rate at which plans cease, and the demand from a
 * stored forecast run or a model fitted at the scenario's origin (stored as a forecast run, so a
 * scenario run can name it).
 */
public final class ScenarioInputsReader {
    private final Warehouse w;
    private final boolean storeForecasts;
    private Panel panel;
    private Map<String, TreeMap<Integer, Map<String, Double>>> januaries;
    private Map<String, List<double[]>> ceaseRates;

    /** @param storeForecasts store a forecast fitted for a scenario (needs a read-write warehouse) */
    public ScenarioInputsReader(Warehouse w, boolean storeForecasts) {
        this.w = w;
        this.storeForecasts = storeForecasts;
    }

    /** The scenario ready to run. */
    public ScenarioInputs read(Scenario s) {
        try {
            int n = s.horizon();
            double[] demand = new double[n + 1];
            double[] sigma = new double[n + 1];
            Long runId = null;
            String demandSource;
            if (s.demand() instanceof Demand.GrowthRate g) {
                demandSource = String.format("%,.0f plans in January %d (%s) growing %.2f%% a year (%s)",
                        g.ehcps().value(), g.january(), g.ehcps().source(), g.growth().value() * 100, g.growth().source());
            } else if (s.demand() instanceof Demand.Model m) {
                runId = fitModel(s, m, demand, sigma);
                demandSource = "model " + m.model() + " fitted at January " + m.origin() + (runId == null ? "" : " (forecast run " + runId + ")");
            } else {
                Demand.ForecastRun f = (Demand.ForecastRun) s.demand();
                runId = storedRun(s, f, demand, sigma);
                demandSource = "forecast run " + runId;
            }
            double[] mix = new double[PlacementCategory.values().length];
            String mixSource;
            if (s.mix() != null) {
                for (PlacementCategory c : PlacementCategory.values()) mix[c.ordinal()] = s.mix().get(c).value();
                mixSource = "the scenario's shares";
            } else {
                mixSource = warehouseMix(s, mix);
            }
            double[] ages = new double[AgeGroup.values().length];
            String ageSource = warehouseAges(s, ages);
            double[][] ageMix = ageSource == null ? null : AgeMix.fit(mix, ages);
            Figure cease = s.ceaseRate() != null ? s.ceaseRate() : warehouseCeaseRate(s);
            return new ScenarioInputs(s, demand, sigma, mix, ageMix, cease, runId, demandSource, mixSource, ageSource);
        } catch (SQLException e) {
            throw new WarehouseException("reading the scenario's inputs: " + e.getMessage(), e);
        }
    }

    /**
     * January values of {@code ehc_plans} by breakdown for the area, of one dimension of the
     * breakdowns reference ({@code placement}, {@code age}); the values of every area are read once,
     * so that scenarios for many LAs cost one query.
     */
    private TreeMap<Integer, Map<String, Double>> january(String area, String dimension) throws SQLException {
        if (januaries == null) {
            januaries = new HashMap<>();
            try (PreparedStatement p = w.connection().prepareStatement("""
                    SELECT o.area_code || '|' || b.dimension, CAST(year(o.period_start) AS INTEGER), o.breakdown, o.value
                    FROM observations o JOIN breakdowns b USING (breakdown)
                    WHERE o.measure = 'ehc_plans' AND o.period_kind = 'census_january' AND o.level = 'local_authority'
                      AND b.dimension IN ('placement', 'age') AND o.value IS NOT NULL""")) {
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        januaries.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                                .computeIfAbsent(rs.getInt(2), k -> new HashMap<>()).put(rs.getString(3), rs.getDouble(4));
                    }
                }
            }
        }
        return januaries.getOrDefault(area + "|" + dimension, new TreeMap<>());
    }

    private String warehouseMix(Scenario s, double[] mix) throws SQLException {
        TreeMap<Integer, Map<String, Double>> byYear = january(s.area(), "placement");
        Integer year = s.mixJanuary() == null ? (byYear.isEmpty() ? null : byYear.lastKey()) : s.mixJanuary();
        if (year == null || !byYear.containsKey(year) || !byYear.get(year).containsKey("placement:mainstream")) {
            throw new ScenarioFileException(s.name() + ": no SEN2 placements for " + s.area() + " in January "
                    + (year == null ? "(any year)" : year) + " in the warehouse: load the EHC plans release "
                    + "('sendscope load dfe-ehcp …') or give placements: {from: shares, shares: …}");
        }
        Map<String, Double> v = byYear.get(year);
        Map<PlacementCategory, Double> counts = PlacementCategory.fromSen2(b -> v.getOrDefault(b, Double.NaN));
        double sum = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        for (PlacementCategory c : PlacementCategory.values()) mix[c.ordinal()] = counts.get(c) / sum;
        return "warehouse: observations ehc_plans placement:* for " + s.area() + ", January " + year
                + " (SEN2), mapped to the DSG plan's categories";
    }

    private String warehouseAges(Scenario s, double[] ages) throws SQLException {
        TreeMap<Integer, Map<String, Double>> byYear = january(s.area(), "age");
        for (Integer y : byYear.descendingKeySet()) {
            Map<String, Double> v = byYear.get(y);
            double sum = 0;
            for (AgeGroup a : AgeGroup.values()) sum += v.getOrDefault(a.breakdown(), 0.0);
            if (sum <= 0) continue;
            for (AgeGroup a : AgeGroup.values()) ages[a.ordinal()] = v.getOrDefault(a.breakdown(), 0.0) / sum;
            return "warehouse: observations ehc_plans age:* for " + s.area() + ", January " + y;
        }
        return null;
    }

    private Figure warehouseCeaseRate(Scenario s) throws SQLException {
        if (ceaseRates == null) {
            ceaseRates = new HashMap<>();
            try (PreparedStatement p = w.connection().prepareStatement("""
                    SELECT c.area_code, CAST(year(c.period_start) AS INTEGER) AS y, c.value / j.value
                    FROM observations c JOIN observations j
                      ON j.area_code = c.area_code AND j.measure = 'ehc_plans' AND j.breakdown = 'total'
                     AND j.period_kind = 'census_january' AND year(j.period_start) = year(c.period_start)
                    WHERE c.measure = 'ehc_plans_ceased' AND c.breakdown = 'total' AND c.level = 'local_authority'
                      AND c.period_kind = 'calendar_year' AND c.value IS NOT NULL AND j.value > 0
                    ORDER BY c.area_code, y DESC""")) {
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        List<double[]> l = ceaseRates.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                        if (l.size() < 3) l.add(new double[] {rs.getInt(2), rs.getDouble(3)});
                    }
                }
            }
        }
        List<double[]> rates = ceaseRates.getOrDefault(s.area(), List.of());
        if (rates.isEmpty()) {
            throw new ScenarioFileException(s.name() + ": no SEN2 ceased plans for " + s.area() + " in the warehouse: "
                    + "give demand.cease_rate: {value: …, source: …}");
        }
        double mean = rates.stream().mapToDouble(r -> r[1]).average().orElseThrow();
        int last = (int) rates.get(0)[0];
        int first = (int) rates.get(rates.size() - 1)[0];
        return Figure.of(mean, String.format("warehouse: observations ehc_plans_ceased (calendar year) / ehc_plans "
                + "(January of that year) for %s, %s", s.area(), first == last ? String.valueOf(last) : "mean of " + first + "-" + last));
    }

    private Panel panel() {
        if (panel == null) panel = PanelLoader.load(w);
        return panel;
    }

    private Long fitModel(Scenario s, Demand.Model m, double[] demand, double[] sigma) {
        Panel p = panel();
        if (p.area(s.area()) == null || !p.area(s.area()).stock().has(m.origin())) {
            throw new ScenarioFileException(s.name() + ": no January " + m.origin() + " EHC plans for " + s.area()
                    + " in the warehouse to fit model " + m.model() + " at");
        }
        EhcpForecasting f = new EhcpForecasting(p);
        if (!f.modelNames().contains(m.model())) {
            throw new ScenarioFileException(s.name() + ": unknown model '" + m.model() + "'; models: " + String.join(", ", f.modelNames()));
        }
        int last = s.baseYear().startYear() + s.horizon();
        int horizon = Math.max(1, last - m.origin());
        List<IntervalForecast> rows = f.forecast(m.origin(), horizon, m.model(), List.of(s.area()));
        if (rows.isEmpty()) throw new ScenarioFileException(s.name() + ": model " + m.model() + " cannot forecast " + s.area() + " from " + m.origin());
        TreeMap<Integer, double[]> byYear = new TreeMap<>();
        for (IntervalForecast r : rows) byYear.put(r.targetYear(), new double[] {r.point(), r.lo80(), r.hi80()});
        fill(s, m.origin(), p.area(s.area()).stock().get(m.origin()), byYear, demand, sigma);
        if (!storeForecasts) return null;
        return ForecastStore.save(w, new ForecastStore.Run("ehc_plans", m.origin(), horizon, m.model(), f.settings(),
                "scenario " + s.name() + " (" + s.sha256().substring(0, 12) + ")"), rows);
    }

    private long storedRun(Scenario s, Demand.ForecastRun f, double[] demand, double[] sigma) throws SQLException {
        long run;
        if (f.runId() != null) {
            run = f.runId();
        } else {
            try (PreparedStatement p = w.connection().prepareStatement("SELECT max(run_id) FROM forecasts WHERE area_code = ? "
                    + "AND breakdown = 'total'" + (f.origin() == null ? "" : " AND origin = " + f.origin()))) {
                p.setString(1, s.area());
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getObject(1) == null) {
                        throw new ScenarioFileException(s.name() + ": no stored forecast for " + s.area()
                                + (f.origin() == null ? "" : " from January " + f.origin())
                                + " in the warehouse: run 'sendscope forecast ehcp --area " + s.area() + "' first");
                    }
                    run = rs.getLong(1);
                }
            }
        }
        TreeMap<Integer, double[]> byYear = new TreeMap<>();
        int origin = Integer.MIN_VALUE;
        try (PreparedStatement p = w.connection().prepareStatement("SELECT target_year, point, lo80, hi80, origin FROM forecasts "
                + "WHERE run_id = ? AND area_code = ? AND breakdown = 'total' ORDER BY target_year")) {
            p.setLong(1, run);
            p.setString(2, s.area());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    byYear.put(rs.getInt(1), new double[] {rs.getDouble(2), nan(rs, 3), nan(rs, 4)});
                    origin = rs.getInt(5);
                }
            }
        }
        if (byYear.isEmpty()) throw new ScenarioFileException(s.name() + ": forecast run " + run + " has no rows for " + s.area());
        double actual = Double.NaN;
        try (PreparedStatement p = w.connection().prepareStatement("SELECT value FROM observations WHERE area_code = ? "
                + "AND measure = 'ehc_plans' AND breakdown = 'total' AND period_kind = 'census_january' AND year(period_start) = ?")) {
            p.setString(1, s.area());
            p.setInt(2, origin);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) actual = rs.getDouble(1);
            }
        }
        fill(s, origin, actual, byYear, demand, sigma);
        return run;
    }

    private static double nan(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /**
     * The demand path from forecast rows (point, lo80, hi80 by January): the log spread of the 80 %
     * interval gives the normal sigma; past the forecast's last year the plans grow at its last
     * year's rate and sigma widens with the square root of the horizon.
     */
    static void fill(Scenario s, int origin, double atOrigin, TreeMap<Integer, double[]> byYear, double[] demand, double[] sigma) {
        int lastYear = byYear.lastKey();
        double[] last = byYear.get(lastYear);
        double[] before = byYear.containsKey(lastYear - 1) ? byYear.get(lastYear - 1) : new double[] {atOrigin};
        double growth = before[0] > 0 ? last[0] / before[0] : 1;
        double lastSigma = sigmaOf(last);
        for (int i = 0; i < demand.length; i++) {
            int january = s.baseYear().startYear() + i;
            if (january <= origin) {
                if (january < origin || Double.isNaN(atOrigin)) {
                    throw new ScenarioFileException(s.name() + ": the forecast starts from January " + origin
                            + ", after the January " + january + " the base year " + s.baseYear() + " needs");
                }
                demand[i] = atOrigin;
                sigma[i] = 0;
            } else if (january <= lastYear) {
                double[] r = byYear.get(january);
                demand[i] = r[0];
                sigma[i] = sigmaOf(r);
            } else {
                demand[i] = last[0] * Math.pow(growth, january - lastYear);
                sigma[i] = lastSigma * Math.sqrt((double) (january - origin) / (lastYear - origin));
            }
        }
    }

    private static double sigmaOf(double[] r) {
        if (Double.isNaN(r[1]) || Double.isNaN(r[2]) || r[1] <= 0) return 0;
        return Math.log(r[2] / r[1]) / (2 * ScenarioInputs.Z80);
    }
}

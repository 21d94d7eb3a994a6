package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

/**
 * A forecast from origin Y is the same whether or not the warehouse holds later years — for every
 * model, auto and the intervals (which come from past errors), including pooling over neighbours.
 */
class NoLeakTest {

    static List<String> fingerprint(Warehouse w, int origin) {
        EhcpForecasting f = new EhcpForecasting(PanelLoader.load(w), 200, RollingOrigins.DEFAULT_WINDOW);
        List<String> out = new ArrayList<>();
        for (String m : f.modelNames()) {
            for (IntervalForecast x : f.forecast(origin, 3, m, List.of())) {
                out.add(String.join("|", m, x.areaCode(), String.valueOf(x.targetYear()), x.model(),
                        String.valueOf(x.point()), String.valueOf(x.lo80()), String.valueOf(x.hi80()),
                        String.valueOf(x.lo95()), String.valueOf(x.hi95()), Json.of(x.parameters()),
                        String.valueOf(x.parts())));
            }
        }
        return out;
    }

    /** Deletes every January after {@code origin} and every calendar-year flow from {@code origin} on. */
    static void forgetAfter(Warehouse w, int origin) {
        w.execute("DELETE FROM observation_fact WHERE (period_kind = 'census_january' AND year(period_start) > " + origin
                + ") OR (period_kind = 'calendar_year' AND year(period_start) >= " + origin + ")");
    }

    @Test
    void laterYearsInTheWarehouseChangeNothing() {
        List<String> withLater;
        try (Warehouse w = FixtureWarehouse.build()) {
            withLater = fingerprint(w, 2019);
        }
        List<String> without;
        try (Warehouse w = FixtureWarehouse.build()) {
            forgetAfter(w, 2019);
            without = fingerprint(w, 2019);
        }
        assertEquals(12 * 3 * 13, withLater.size()); // 12 LAs, 3 years ahead, 12 models and auto
        assertEquals(withLater, without);
    }

    @Test
    void aForecastIsStoredWithItsInputsAndParameters() {
        try (Warehouse w = FixtureWarehouse.build()) {
            EhcpForecasting f = new EhcpForecasting(PanelLoader.load(w), 200, 0);
            List<IntervalForecast> rows = f.forecast(2022, 2, "age_cohort", List.of("E06000101"));
            long run = ForecastStore.save(w, new ForecastStore.Run("ehc_plans", 2022, 2, "age_cohort", f.settings(),
                    "test"), rows);
            assertEquals(2, w.count("SELECT count(*) FROM forecasts WHERE run_id = " + run + " AND breakdown = 'total'"));
            assertEquals(10, w.count("SELECT count(*) FROM forecasts WHERE run_id = " + run + " AND breakdown LIKE 'age:%'"));
            // Parts sum to the total, and every interval contains its point.
            assertEquals(0, w.count("""
                    SELECT count(*) FROM (SELECT target_year, sum(point) FILTER (breakdown <> 'total') AS parts,
                                                 max(point) FILTER (breakdown = 'total') AS total
                                          FROM forecasts GROUP BY target_year) WHERE abs(parts - total) > 1e-6"""));
            assertEquals(0, w.count("SELECT count(*) FROM forecasts WHERE NOT (lo95 <= lo80 AND lo80 <= point "
                    + "AND point <= hi80 AND hi80 <= hi95)"));
            assertEquals(2, w.count("SELECT count(*) FROM forecasts WHERE mc_std_error > 0 AND mc_mean > 0"));
            assertEquals(1, w.count("SELECT count(*) FROM forecast_runs WHERE inputs LIKE '%\"stock_up_to_january\":2022%' "
                    + "AND inputs LIKE '%\"flows_up_to_calendar_year\":2021%' AND parameters LIKE '%interval_method%'"));
            assertTrue(rows.get(0).parameters().containsKey("join_rate_under_5"));
            assertFalse(w.count("SELECT count(*) FROM forecasts_latest") == 0);
        }
    }
}

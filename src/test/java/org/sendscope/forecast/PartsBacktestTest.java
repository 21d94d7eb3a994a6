package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts backtest on thirty made-up LAs whose special-school share rises one point a year (30 %
 * in January 2010) while mainstream takes the rest: carrying the last share forward is one point
 * out a year ahead and two points two years ahead; the placement model's trend, fading by 0.7 a
 * year, is 1 − 0.7 = 0.3 and 2 − 0.7 − 0.49 = 0.81 points out.
 */
class PartsBacktestTest {

    static Panel panel() {
        List<AreaHistory> areas = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double[] stock = new double[13], special = new double[13], mainstream = new double[13];
            for (int y = 0; y < 13; y++) {
                stock[y] = (1000 + 10 * i) * Math.exp(0.05 * y + (y % 2 == 0 ? 0.01 : -0.01));
                double share = 0.30 + 0.01 * y;
                special[y] = stock[y] * share;
                mainstream[y] = stock[y] * (1 - share);
            }
            Map<String, YearSeries> placements = new LinkedHashMap<>();
            placements.put("mainstream", YearSeries.of(2010, mainstream));
            placements.put("special", YearSeries.of(2010, special));
            areas.add(new AreaHistory("A" + i, "A" + i, null, YearSeries.of(2010, stock), YearSeries.empty(),
                    YearSeries.empty(), YearSeries.empty(), Map.of(), 2010, placements));
        }
        return Panel.of(areas, Map.of(), List.of());
    }

    @Test
    void sharesAreScoredAgainstCarryingTheLastOnesForward() {
        PooledGrowthModel fit = new PooledGrowthModel();
        Map<String, ForecastModel> models = new LinkedHashMap<>();
        models.put("pooled_growth", fit);
        models.put("placement_shares", new PlacementShareModel(fit));
        RollingOrigins ro = new RollingOrigins(panel(), models, 2, RollingOrigins.DEFAULT_WINDOW);
        List<PartsBacktest.Row> rows = new PartsBacktest(ro).run("placement_shares", "placement", 2016, 2020, 2);
        Map<String, PartsBacktest.Row> by = new LinkedHashMap<>();
        for (PartsBacktest.Row r : rows) by.put(r.part() + "|" + r.method() + "|" + r.horizon(), r);
        for (String part : List.of("placement:special", "placement:mainstream")) {
            assertEquals(1.0, by.get(part + "|last_shares|1").shareMae(), 1e-9);
            assertEquals(2.0, by.get(part + "|last_shares|2").shareMae(), 1e-9);
            assertEquals(0.3, by.get(part + "|placement_shares|1").shareMae(), 1e-9);
            assertEquals(0.81, by.get(part + "|placement_shares|2").shareMae(), 1e-9);
            assertEquals(30 * 5, by.get(part + "|last_shares|1").n()); // 30 LAs, origins 2016-2020
            assertEquals(30 * 5, by.get(part + "|last_shares|2").n()); // targets 2018-2022
        }
        assertEquals("maintained_special", by.get("placement:special|last_shares|1").dsgCategory());
        // January 2017 from 2016: special is 37% and was forecast 36.7%: 0.3 / 37 of the share.
        assertEquals(100 * 0.003 / 0.37, new PartsBacktest(ro).run("placement_shares", "placement", 2016, 2016, 1)
                .stream().filter(r -> r.part().equals("placement:special") && r.method().equals("placement_shares"))
                .findFirst().orElseThrow().shareMape(), 1e-9);
    }
}

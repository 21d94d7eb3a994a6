package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Intervals calibrated from past errors hold on a process whose errors do not change over time. */
class IntervalsTest {

    @Test
    void quantilesOfAbsoluteErrorsMirrorAroundThePoint() {
        List<Double> e = new ArrayList<>();
        for (int i = 1; i <= 100; i++) e.add((i % 2 == 0 ? 1 : -1) * i / 100.0);
        double[][] q = IntervalCalibrator.quantiles(List.of(e, List.of(0.5)));
        assertEquals(0.80 + 0.2 * 0.01, q[0][2], 1e-9); // the 80th percentile of 0.01..1.00
        assertEquals(-q[0][2], q[0][1], 1e-12);
        assertEquals(0.95 + 0.05 * 0.01, q[0][3], 1e-9);
        // Too few errors at two years: the one-year quantiles widened by sqrt(2).
        assertEquals(q[0][2] * Math.sqrt(2), q[1][2], 1e-12);
        assertNull(IntervalCalibrator.quantiles(List.of(List.of(0.1)))[0]);
    }

    @Test
    void eightyPercentIntervalsCoverAboutEightyPercentOnAStationaryProcess() {
        // 80 areas, each growing 5% a year with independent shocks of 3% (log) a year, 2008-2023.
        SplittableRandom rng = new SplittableRandom(42);
        List<AreaHistory> areas = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double[] v = new double[16];
            double x = Math.log(500 + 20 * i);
            for (int t = 0; t < v.length; t++) {
                x += 0.05 + 0.03 * AgeCohortModel.gaussian(rng);
                v[t] = Math.exp(x);
            }
            areas.add(AreaHistory.ofStock("A" + i, YearSeries.of(2008, v)));
        }
        Panel panel = Panel.of(areas, Map.of(), List.of());
        Map<String, ForecastModel> models = Map.of("compound_3y", new CompoundGrowthModel(3));
        List<Backtest.Row> rows = new Backtest(new RollingOrigins(panel, models, 2, 0)).run(List.of("compound_3y"), 2016, 2022, 2);
        for (Backtest.Row r : rows) {
            assertTrue(r.cov80() > 74 && r.cov80() < 86, r.toString());
            assertTrue(r.cov95() > 90 && r.cov95() < 98.5, r.toString());
            assertEquals(r.horizon() == 1 ? 80 * 7 : 80 * 6, r.n());
        }
    }
}

package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * Starting a forecast from the LA's own monthly counts: BCP's figures from its July 2024 agenda
 * pack (3,336 plans in March 2023, 3,736 in December 2023, 3,791 in January 2024, 3,877 in February,
 * 3,949 in March 2024) against SEN2's January 2023 count of 3,266.
 */
@ExtendWith(SharedWarehouse.class)
class NowcastTest {
    static final double Z80 = 1.2815515655446004;

    static LocalCaseload bcp() {
        TreeMap<YearMonth, Double> m = new TreeMap<>();
        m.put(YearMonth.of(2023, 3), 3336.0);
        m.put(YearMonth.of(2023, 12), 3736.0);
        m.put(YearMonth.of(2024, 1), 3791.0);
        m.put(YearMonth.of(2024, 2), 3877.0);
        m.put(YearMonth.of(2024, 3), 3949.0);
        return LocalCaseload.of("E06000058", m);
    }

    static final YearSeries SEN2 = YearSeries.of(2021, 2900, 3050, 3266);

    /** A made-up model forecast from January 2023: 3,500 then 3,750, ±8% and ±12% (80%). */
    static List<IntervalForecast> model() {
        return List.of(row(1, 3500, 0.08), row(2, 3750, 0.12));
    }

    static IntervalForecast row(int h, double p, double q80) {
        return new IntervalForecast("E06000058", "BCP", 2023, 2023 + h, h, "pooled_growth", "given", p,
                p * Math.exp(-q80), p * Math.exp(q80), p * Math.exp(-2 * q80), p * Math.exp(2 * q80), null, null,
                Map.of(), Map.of());
    }

    @Test
    void theBridgeComesFromMarch2023MovedBackToJanuaryByTheLocalGrowth() {
        Nowcast.Bridge b = Nowcast.bridge(SEN2, bcp(), 2023);
        double perMonth = Math.log(3736.0 / 3336) / 9; // March → December 2023
        double atJanuary = 3336 * Math.exp(-2 * perMonth);
        assertEquals(3253.1, atJanuary, 0.05);
        assertEquals(Math.log(3266 / atJanuary), b.logDifference(), 1e-12);
        assertEquals(List.of(2023), b.pairs());
        // Month-to-month growth December → March: 1.46%, 2.24%, 1.84%.
        double g1 = Math.log(3791.0 / 3736), g2 = Math.log(3877.0 / 3791), g3 = Math.log(3949.0 / 3877);
        double mean = (g1 + g2 + g3) / 3;
        double noise = Math.sqrt(((g1 - mean) * (g1 - mean) + (g2 - mean) * (g2 - mean) + (g3 - mean) * (g3 - mean)) / 2 / 2);
        assertEquals(0.0028, noise, 0.00005); // a growth's sd of 0.39%, over sqrt(2)
        assertEquals(noise, b.monthlyNoise(), 1e-12);
        assertEquals(noise * Math.sqrt(2), b.sd(), 1e-12);
    }

    @Test
    void january2024IsBcpsOwnCountAndJanuary2025StartsFromMarch() {
        Nowcast.Bridge b = Nowcast.bridge(SEN2, bcp(), 2023);
        List<IntervalForecast> out = Nowcast.apply(model(), SEN2, bcp());
        IntervalForecast h1 = out.get(0), h2 = out.get(1);
        assertEquals(3791 * Math.exp(b.logDifference()), h1.point(), 1e-9);
        assertEquals("pooled_growth+local", h1.model());
        assertEquals(Z80 * b.sd(), Math.log(h1.hi80() / h1.point()), 1e-12);
        // January 2025: March 2024's 3,949, bridged, grown as the model grows from March 2024 (14 months on).
        double atMarch = 3500 * Math.pow(3750.0 / 3500, 2.0 / 12);
        assertEquals(3949 * Math.exp(b.logDifference()) * 3750 / atMarch, h2.point(), 1e-9);
        assertEquals(Math.hypot(0.08 * Math.sqrt(10.0 / 12), Z80 * b.sd()), Math.log(h2.hi80() / h2.point()), 1e-12);
        assertEquals("2024-03", h2.parameters().get("nowcast_from"));
        assertEquals(3750.0, h2.parameters().get("without_local_point"));
        // Narrower than the model's own intervals.
        assertTrue(h1.hi80() - h1.lo80() < model().get(0).hi80() - model().get(0).lo80());
        assertTrue(h2.hi80() - h2.lo80() < model().get(1).hi80() - model().get(1).lo80());
    }

    @Test
    void noLocalMonthAfterTheOriginOrNoneNearAJanuaryChangesNothing() {
        List<IntervalForecast> rows = model();
        assertSame(rows, Nowcast.apply(rows, SEN2, bcp().upTo(YearMonth.of(2022, 12))));
        TreeMap<YearMonth, Double> far = new TreeMap<>(Map.of(YearMonth.of(2023, 7), 3400.0, YearMonth.of(2023, 8), 3420.0));
        assertSame(rows, Nowcast.apply(rows, SEN2, LocalCaseload.of("E06000058", far)));
    }

    @Test
    void theCommandStartsBcpFromItsPapersAndNoLocalTurnsItOff(@SharedWarehouse.Copy(Contents.SEN2_PAPERS) Path w) {
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            LocalCaseload local = LocalCaseload.read(wh, "E06000058");
            assertEquals(5, local.counts().size());
            assertEquals(3791.0, local.counts().get(YearMonth.of(2024, 1)));
            assertEquals(3949.0, local.counts().get(YearMonth.of(2024, 3)));
        }
        CliRun with = CliRun.of("forecast", "ehcp", "--area", "E06000058", "--origin", "2023", "--horizon", "2",
                "--warehouse", w.toString());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains("started from its own count of 3,949 plans in 2024-03"), with.out());
        assertTrue(with.out().contains("+local"), with.out());
        CliRun without = CliRun.of("forecast", "ehcp", "--area", "E06000058", "--origin", "2023", "--horizon", "2",
                "--no-local", "--warehouse", w.toString());
        assertEquals(0, without.code(), without.err());
        assertFalse(without.out().contains("+local"), without.out());
        assertFalse(without.out().contains("own count"), without.out());
    }

    @Test
    void onSyntheticMonthlySeriesTheNowcastIsCloserAndItsIntervalsNarrower(@SharedWarehouse.Copy(Contents.SEN2) Path w) {
        Panel panel;
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            panel = PanelLoader.load(wh);
        }
        EhcpForecasting f = new EhcpForecasting(panel, 100, RollingOrigins.DEFAULT_WINDOW);
        List<NowcastBacktest.Row> rows = new NowcastBacktest(f, 0.02, 0.01, 20240301L).run("pooled_growth", 2019, 2021);
        Map<String, NowcastBacktest.Row> by = new TreeMap<>();
        for (NowcastBacktest.Row r : rows) by.put(r.method() + "|" + r.horizon(), r);
        for (int h = 1; h <= 2; h++) {
            NowcastBacktest.Row model = by.get("pooled_growth|" + h), local = by.get("pooled_growth+local|" + h);
            assertEquals(model.n(), local.n());
            assertTrue(model.n() > 400, model.toString());
            assertTrue(local.mape() < model.mape() * 0.8, local + " vs " + model);
        }
        // January T+1 is the local January itself, known to about the monthly noise: 1% a month.
        assertTrue(by.get("pooled_growth+local|1").mape() < 2, by.toString());
        assertTrue(by.get("pooled_growth+local|1").cov80() >= 70, by.toString());
    }
}

package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each model on synthetic series whose right answer is known. */
class ModelsTest {

    /** 100 growing by {@code g} a year from {@code first} to {@code last}. */
    static YearSeries geometric(int first, int last, double start, double g) {
        double[] v = new double[last - first + 1];
        for (int i = 0; i < v.length; i++) v[i] = start * Math.pow(g, i);
        return YearSeries.of(first, v);
    }

    static Panel panelOf(AreaHistory... areas) {
        return Panel.of(List.of(areas), Map.of(), List.of());
    }

    @Test
    void baselinesOnASeriesGrowingTenPercentAYear() {
        AreaHistory a = AreaHistory.ofStock("A", geometric(2015, 2020, 1000, 1.10));
        Panel p = panelOf(a).asOf(2020);
        double last = 1000 * Math.pow(1.1, 5);
        AreaHistory cut = p.area("A");
        assertEquals(last, new LastValueModel().forecast(cut, p, 2).point()[1], 1e-9);
        assertEquals(last * 1.1, new CompoundGrowthModel(1).forecast(cut, p, 1).point()[0], 1e-9);
        assertEquals(last * 1.331, new CompoundGrowthModel(3).forecast(cut, p, 3).point()[2], 1e-6);
        assertEquals(last * 1.35, new FlatGrowthModel(0.35, 5).forecast(cut, p, 5).point()[4], 1e-6);
        assertEquals(last * 1.21, new LogLinearTrendModel(5).forecast(cut, p, 2).point()[1], 1e-6);
        assertEquals("flat_35pct_5y", new FlatGrowthModel(0.35, 5).name());
    }

    @Test
    void aModelNeverSeesAYearAfterTheOrigin() {
        // The series jumps in 2021; from origin 2020 nothing may know it.
        AreaHistory a = AreaHistory.ofStock("A", geometric(2015, 2020, 1000, 1.10).with(2021, 99999));
        Panel p = panelOf(a).asOf(2020);
        assertEquals(Double.NaN, p.area("A").stock().get(2021));
        assertEquals(1000 * Math.pow(1.1, 6), new CompoundGrowthModel(3).forecast(p.area("A"), p, 1).point()[0], 1e-6);
    }

    @Test
    void dampedTrendFollowsAFlatSeriesAndDampsGrowth() {
        Panel flat = panelOf(AreaHistory.ofStock("F", YearSeries.of(2012, 500, 500, 500, 500, 500, 500, 500))).asOf(2018);
        assertEquals(500, new DampedTrendModel().forecast(flat.area("F"), flat, 3).point()[2], 1e-6);

        Panel growing = panelOf(AreaHistory.ofStock("G", geometric(2010, 2020, 1000, 1.08))).asOf(2020);
        ModelForecast f = new DampedTrendModel().forecast(growing.area("G"), growing, 3);
        double last = 1000 * Math.pow(1.08, 10);
        // Growth continues, damped: between no growth and the full 8% a year.
        for (int h = 1; h <= 3; h++) {
            assertTrue(f.point()[h - 1] > last * Math.pow(1.06, h), "h=" + h + " " + f.point()[h - 1]);
            assertTrue(f.point()[h - 1] <= last * Math.pow(1.08, h) + 1e-6, "h=" + h + " " + f.point()[h - 1]);
        }
        assertNull(new DampedTrendModel().forecast(AreaHistory.ofStock("S", YearSeries.of(2019, 1, 2, 3)),
                panelOf(AreaHistory.ofStock("S", YearSeries.of(2019, 1, 2, 3))).asOf(2021), 1));
    }

    @Test
    void pooledGrowthShrinksAVolatileAreaTowardsItsNeighbours() {
        // Ten steady neighbours growing 5% a year; one volatile area whose last three years average ~20%.
        List<AreaHistory> areas = new java.util.ArrayList<>();
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double wobble = 1 + 0.002 * (i % 3 - 1);
            areas.add(AreaHistory.ofStock("N" + i, geometric(2014, 2020, 1000 + 100 * i, 1.05 * wobble)));
            codes.add("N" + i);
        }
        areas.add(AreaHistory.ofStock("V", YearSeries.of(2014, 100, 130, 100, 125, 110, 150, 160)));
        Panel p = Panel.of(areas, Map.of("V", codes), List.of()).asOf(2020);
        PooledGrowthModel model = new PooledGrowthModel(3, 3, 1.0);
        PooledGrowthModel.Estimate e = model.estimates(p).get("V");
        assertEquals("neighbours", e.priorFrom());
        assertEquals(Math.log(160.0 / 125) / 3, e.own(), 1e-12);
        assertTrue(e.weight() > 0 && e.weight() < 0.5, "weight on own growth " + e.weight());
        assertTrue(e.pooled() > e.prior() && e.pooled() < e.own(), e.toString());
        // Without neighbours the prior is every LA's growth (no regions in this fixture).
        Panel noNeighbours = Panel.of(areas, Map.of(), List.of()).asOf(2020);
        assertEquals("england", new PooledGrowthModel(3, 3, 1.0).estimates(noNeighbours).get("V").priorFrom());
        // A steady neighbour keeps nearly its own 5%.
        double steady = Math.expm1(model.estimates(p).get("N0").pooled());
        assertEquals(0.05, steady, 0.01);
    }

    @Test
    void pooledGrowthFallsBackToTheRegion() {
        List<AreaHistory> areas = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            areas.add(new AreaHistory("R" + i, "R" + i, "E12000001", geometric(2014, 2020, 1000, 1.02), YearSeries.empty(),
                    YearSeries.empty(), YearSeries.empty(), Map.of(), 2014));
            areas.add(new AreaHistory("S" + i, "S" + i, "E12000002", geometric(2014, 2020, 1000, 1.12), YearSeries.empty(),
                    YearSeries.empty(), YearSeries.empty(), Map.of(), 2014));
        }
        Panel p = Panel.of(areas, Map.of(), List.of()).asOf(2020);
        PooledGrowthModel.Estimate r = new PooledGrowthModel(3, 3, 1.0).estimates(p).get("R0");
        assertEquals("region", r.priorFrom());
        assertEquals(Math.log(1.02), r.prior(), 1e-9);
    }

    @Test
    void theFlowModelReproducesASteadyStateExactly() {
        // Stock grows 6% a year; 9% of plans leave each year; new plans = 40% of requests.
        double g = 1.06, exit = 0.09, conv = 0.4;
        int first = 2014, last = 2020;
        double[] s = new double[last - first + 1];
        double[] n = new double[s.length];
        double[] r = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1000 * Math.pow(g, i);
            n[i] = s[i] * (g - 1 + exit);
            r[i] = n[i] / conv;
        }
        AreaHistory a = new AreaHistory("A", "A", null, YearSeries.of(first, s), YearSeries.of(first, n),
                YearSeries.of(first, r), YearSeries.empty(), Map.of(), first);
        Panel p = panelOf(a).asOf(last);
        ModelForecast f = new FlowModel().forecast(p.area("A"), p, 3);
        for (int h = 1; h <= 3; h++) assertEquals(s[s.length - 1] * Math.pow(g, h), f.point()[h - 1], 1e-6);
        assertEquals(exit, (double) f.parameters().get("exit_rate"), 1e-12);
        assertEquals(conv, (double) f.parameters().get("conversion"), 1e-12);
        assertEquals("requests", f.parameters().get("driver"));
    }

    @Test
    void theFlowModelUsesNoFlowOfTheOriginYear() {
        // A calendar-year flow belongs to the next January: from origin 2020 the 2020 flow is unknown.
        AreaHistory a = new AreaHistory("A", "A", null, geometric(2014, 2020, 1000, 1.05),
                geometric(2014, 2020, 100, 1.05).with(2020, 1e9), YearSeries.empty(), YearSeries.empty(), Map.of(), 2014);
        Panel p = panelOf(a).asOf(2020);
        assertEquals(Double.NaN, p.area("A").newPlans().get(2020));
        assertTrue(new FlowModel().forecast(p.area("A"), p, 1).point()[0] < 2000);
    }

    @Test
    void theAgeCohortModelKeepsAStationaryPopulationAndItsPartsSumToTheTotal() {
        // Bands in the steady state of ageing 1/width a year with a constant intake into under_5.
        double[] n = {500, 600, 500, 400, 600};
        java.util.Map<String, YearSeries> bands = new java.util.TreeMap<>();
        for (int b = 0; b < 5; b++) {
            double[] v = new double[6];
            java.util.Arrays.fill(v, n[b]);
            bands.put(AgeCohortModel.BANDS.get(b), YearSeries.of(2015, v));
        }
        double total = 2600;
        AreaHistory a = new AreaHistory("A", "A", null, YearSeries.of(2015, total, total, total, total, total, total),
                YearSeries.empty(), YearSeries.empty(), YearSeries.empty(), bands, 2015);
        Panel p = panelOf(a).asOf(2020);
        ModelForecast f = new AgeCohortModel(4, 1000, new PooledGrowthModel()).forecast(p.area("A"), p, 3);
        for (int h = 0; h < 3; h++) {
            assertEquals(total, f.point()[h], total * 0.01, "h=" + (h + 1));
            double parts = 0;
            for (double[] part : f.breakdown().values()) parts += part[h];
            assertEquals(f.point()[h], parts, 1e-6);
            // The Monte Carlo error of the mean is small and separate from any interval.
            assertTrue(f.mcStdError()[h] > 0 && f.mcStdError()[h] < total * 0.001, "mc se " + f.mcStdError()[h]);
        }
        assertEquals(0.0, (double) f.parameters().get("join_rate_5-10"), 1e-12);
        // The same seed gives the same simulation.
        assertEquals(f.point()[2], new AgeCohortModel(4, 1000, new PooledGrowthModel()).forecast(p.area("A"), p, 3).point()[2]);
    }

    @Test
    void ageingMovesOneWidthOfEachBandOn() {
        double[] aged = AgeCohortModel.age(new double[] {500, 600, 500, 400, 600});
        assertEquals(400, aged[0], 1e-9); // 100 of 500 under-5s turn 5
        assertEquals(100 + 500, aged[1], 1e-9); // 100 arrive, 100 of 600 turn 11
        assertEquals(100 + 400, aged[2], 1e-9);
        assertEquals(100 + 300, aged[3], 1e-9);
        assertEquals(100 + 500, aged[4], 1e-9); // 100 of 600 turn 26 and leave
    }

    @Test
    void theCombinationIsTheGeometricMean() {
        AreaHistory a = AreaHistory.ofStock("A", geometric(2015, 2020, 1000, 1.10));
        Panel p = panelOf(a).asOf(2020);
        ModelForecast f = new CombinationModel("c", List.of(new LastValueModel(), new CompoundGrowthModel(1)))
                .forecast(p.area("A"), p, 1);
        assertEquals(1000 * Math.pow(1.1, 5) * Math.sqrt(1.1), f.point()[0], 1e-6);
    }

    @Test
    void placementPartsFollowTheirSharesAndSumToTheTotal() {
        // Mainstream 60% -> 54% over three years (-2 points a year), special 40% -> 46%.
        java.util.Map<String, YearSeries> placements = new java.util.TreeMap<>();
        placements.put("mainstream", YearSeries.of(2017, 600, 580, 560, 540));
        placements.put("special", YearSeries.of(2017, 400, 420, 440, 460));
        AreaHistory a = new AreaHistory("A", "A", null, YearSeries.of(2017, 1000, 1000, 1000, 1000), YearSeries.empty(),
                YearSeries.empty(), YearSeries.empty(), Map.of(), 2017, placements);
        Panel p = panelOf(a).asOf(2020);
        ModelForecast f = new PlacementShareModel(new LastValueModel()).forecast(p.area("A"), p, 2);
        // One year on the trend moves 0.7 x 2 points; two years 0.7 + 0.49.
        assertEquals(1000 * (0.54 - 0.02 * 0.7), f.breakdown().get("placement:mainstream")[0], 1e-9);
        assertEquals(1000 * (0.46 + 0.02 * 1.19), f.breakdown().get("placement:special")[1], 1e-9);
        for (int h = 0; h < 2; h++) {
            double parts = 0;
            for (double[] part : f.breakdown().values()) parts += part[h];
            assertEquals(f.point()[h], parts, 1e-9);
        }
    }
}

package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The leading-indicator model on made-up LAs whose growth follows their requests: forty LAs,
 * Januaries 2010–2022, each receiving requests at a fixed share x of its plans (0.15 to 0.35) and
 * growing by 4% plus half its excess requests rate a year, with a wobble.
 */
class LeadingIndicatorModelTest {
    static final int AREAS = 40;

    /** The area's requests rate: 0.15, 0.155, … 0.345. */
    static double rate(int i) {
        return 0.15 + 0.005 * i;
    }

    static Panel panel(boolean requestsDriveGrowth) {
        List<AreaHistory> areas = new ArrayList<>();
        for (int i = 0; i < AREAS; i++) {
            double g = Math.log(1.04) + (requestsDriveGrowth ? 0.5 * (rate(i) - 0.2475) : 0);
            double[] stock = new double[13];
            double[] requests = new double[12];
            // A wobble of ±4% every other year makes each LA's own growth noisy, so pooling shrinks it.
            for (int y = 0; y < 13; y++) stock[y] = 1000 * Math.exp(g * y + (y % 2 == 0 ? 0.04 : -0.04));
            // Requests of calendar year Y, per plan in January Y + 1.
            for (int y = 0; y < 12; y++) requests[y] = (requestsDriveGrowth ? rate(i) : 0.25) * stock[y + 1];
            areas.add(new AreaHistory("A" + i, "A" + i, null, YearSeries.of(2010, stock), YearSeries.empty(),
                    YearSeries.of(2010, requests), YearSeries.empty(), Map.of(), 2010));
        }
        return Panel.of(areas, Map.of(), List.of());
    }

    @Test
    void withTheSameRequestsRateEverywhereItIsPooledGrowth() {
        Panel p = panel(false).asOf(2018);
        PooledGrowthModel pooled = new PooledGrowthModel();
        LeadingIndicatorModel m = new LeadingIndicatorModel(pooled);
        for (AreaHistory a : p.forecastable()) {
            double[] lead = m.forecast(a, p, 3).point();
            double[] base = pooled.forecast(a, p, 3).point();
            for (int h = 0; h < 3; h++) assertEquals(base[h], lead[h], 0.0, a.code() + " h=" + (h + 1));
        }
    }

    @Test
    void anLaWithManyRequestsForItsSizeIsForecastAbovePooledGrowth() {
        Panel p = panel(true).asOf(2016);
        PooledGrowthModel pooled = new PooledGrowthModel();
        LeadingIndicatorModel m = new LeadingIndicatorModel(pooled);
        ModelForecast high = m.forecast(p.area("A39"), p, 3);
        ModelForecast low = m.forecast(p.area("A0"), p, 3);
        // Pooled growth shrinks every LA towards the mean, so the past errors grow with the rate.
        double[] beta = (double[]) high.parameters().get("coefficient");
        assertTrue(beta[0] > 0.1, "one-year coefficient " + beta[0]);
        assertTrue(high.point()[0] > pooled.forecast(p.area("A39"), p, 1).point()[0]);
        assertTrue(low.point()[0] < pooled.forecast(p.area("A0"), p, 1).point()[0]);
        // Pairs from origins 2012-2015 (one year ahead), 2012-2014 (two): nothing after January 2016.
        assertEquals(List.of(4 * AREAS, 3 * AREAS, 2 * AREAS), high.parameters().get("coefficient_pairs"));
        // Eighty pairs are too few at three years: two years' coefficient, times 3/2.
        assertEquals(beta[1] * 1.5, beta[2], 1e-12);
        assertEquals(0.345, (double) high.parameters().get("requests_rate"), 1e-12);
        assertEquals(0.2475, (double) high.parameters().get("requests_rate_all_las"), 1e-12);
        assertEquals(2015, high.parameters().get("requests_year"));
    }

    @Test
    void aForecastIsTheSameWhateverFollowsTheOrigin() {
        Panel full = panel(true);
        // The same LAs with every January after 2016 (and requests from 2016) changed wildly.
        List<AreaHistory> changed = new ArrayList<>();
        for (AreaHistory a : full.areas()) {
            YearSeries s = a.stock();
            YearSeries r = a.requests();
            for (int y = 2017; y <= 2022; y++) s = s.with(y, s.get(y) * (a.code().hashCode() % 2 == 0 ? 3 : 0.2));
            for (int y = 2016; y <= 2021; y++) r = r.with(y, 1.0);
            changed.add(new AreaHistory(a.code(), a.name(), null, s, a.newPlans(), r, a.ceased(), Map.of(), 2010));
        }
        Panel other = Panel.of(changed, Map.of(), List.of());
        Panel p1 = full.asOf(2016);
        Panel p2 = other.asOf(2016);
        LeadingIndicatorModel m1 = new LeadingIndicatorModel(new PooledGrowthModel());
        LeadingIndicatorModel m2 = new LeadingIndicatorModel(new PooledGrowthModel());
        for (AreaHistory a : p1.forecastable()) {
            assertEquals(Json.of(m1.forecast(a, p1, 3).parameters()), Json.of(m2.forecast(p2.area(a.code()), p2, 3)
                    .parameters()));
            assertEquals(m1.forecast(a, p1, 3).point()[2], m2.forecast(p2.area(a.code()), p2, 3).point()[2], 0.0);
        }
    }
}

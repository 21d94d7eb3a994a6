package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a panel cut at an origin shows, and how successor areas are linked to their predecessors. */
class PanelTest {

    static AreaHistory area(String code, YearSeries stock) {
        return new AreaHistory(code, code, null, stock, YearSeries.of(2016, 10, 11, 12, 13, 14, 15),
                YearSeries.of(2016, 20, 21, 22, 23, 24, 25), YearSeries.empty(), Map.of(), stock.firstYear());
    }

    @Test
    void anOriginKeepsJanuariesUpToItAndFlowsUpToTheYearBefore() {
        Panel p = Panel.of(List.of(area("A", YearSeries.of(2016, 1, 2, 3, 4, 5, 6))), Map.of(), List.of()).asOf(2019);
        AreaHistory a = p.area("A");
        assertEquals(2019, a.stock().lastYear());
        assertEquals(2018, a.newPlans().lastYear());
        assertEquals(2018, a.requests().lastYear());
        assertEquals(List.of("A"), p.forecastable().stream().map(AreaHistory::code).toList());
    }

    @Test
    void aMergedAreaIsBackcastWithItsPredecessorsGrowth() {
        // Two predecessors merge with part of a third into M; the rest of the third becomes R (like BCP and Dorset).
        AreaHistory p1 = area("P1", YearSeries.of(2016, 100, 110, 120, 130));
        AreaHistory p2 = area("P2", YearSeries.of(2016, 50, 55, 60, 65));
        AreaHistory p3 = area("P3", YearSeries.of(2016, 200, 210, 220, 230));
        AreaHistory m = area("M", YearSeries.of(2020, 250, 275));
        AreaHistory r = area("R", YearSeries.of(2020, 200, 210));
        List<Panel.Succession> s = List.of(new Panel.Succession("P1", "M"), new Panel.Succession("P2", "M"),
                new Panel.Succession("P3", "M"), new Panel.Succession("P3", "R"));
        Panel full = Panel.of(List.of(p1, p2, p3, m, r), Map.of(), s);

        Panel at2021 = full.asOf(2021);
        YearSeries linked = at2021.area("M").stock();
        // January 2019: the group was 130 + 65 + 230 = 425; in January 2020 it was 250 + 200 = 450.
        assertEquals(250 * 425.0 / 450, linked.get(2019), 1e-9);
        assertEquals(250 * 425.0 / 450 * 400 / 425, linked.get(2018), 1e-9); // 2018: 120 + 60 + 220
        assertEquals(2016, linked.firstYear());
        assertEquals(2020, at2021.area("M").reportedFrom());
        // Published values are untouched, and a backtest scores only the area's own years.
        assertEquals(275, linked.get(2021));
        assertTrue(Double.isNaN(full.area("M").stock().get(2019)));

        // Before M reported, there is nothing to link: M is not forecast from 2019.
        Panel at2019 = full.asOf(2019);
        assertTrue(at2019.area("M").stock().toMap().isEmpty());
        assertFalse(at2019.forecastable().stream().anyMatch(a -> a.code().equals("M")));
    }

    @Test
    void aSplitAreasSuccessorsBothGetTheGroupsGrowth() {
        AreaHistory n = area("N", YearSeries.of(2017, 1000, 1100, 1200, 1300));
        AreaHistory a = area("A", YearSeries.of(2021, 600, 660));
        AreaHistory b = area("B", YearSeries.of(2021, 800, 880));
        Panel p = Panel.of(List.of(n, a, b), Map.of(),
                List.of(new Panel.Succession("N", "A"), new Panel.Succession("N", "B"))).asOf(2022);
        assertEquals(600 * 1300.0 / 1400, p.area("A").stock().get(2020), 1e-9);
        assertEquals(800 * 1300.0 / 1400, p.area("B").stock().get(2020), 1e-9);
        assertEquals(800 * 1000.0 / 1400, p.area("B").stock().get(2017), 1e-9);
    }
}

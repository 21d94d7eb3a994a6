package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;

/**
 * Cumbria (E10000006), whose last SEN2 January here is 2023, forecast from the split of 1 April 2023
 * as Cumberland (E06000063) and Westmorland and Furness (E06000064), by their 2023-24 DSG allocations
 * in DSG_by_year_dr.xlsx: £256,126,117 and £198,022,488 (docs/decisions/0175).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedWarehouse.class)
class CumbriaSplitTest {
    static final String CUMBRIA = "E10000006";
    static final String CUMBERLAND = "E06000063";
    static final String WESTMORLAND = "E06000064";

    Path file;
    Panel panel;
    List<String> notesWithoutDsg = new ArrayList<>();
    List<SplitApportionment.Split> withoutDsg;
    List<SplitApportionment.Split> splits;

    @BeforeAll
    void load(@SharedWarehouse.Copy(Contents.SEN2) Path copy) {
        file = copy;
        try (Warehouse w = Warehouse.open(file)) {
            panel = PanelLoader.load(w);
            withoutDsg = SplitApportionment.splits(w, panel);
        }
        CliRun dsg = CliRun.of("load", "dsg", "--warehouse", file.toString(),
                SharedData.dfe("finance/DSG_by_year_dr.xlsx").toString());
        assertEquals(0, dsg.code(), dsg.err());
        try (Warehouse w = Warehouse.open(file)) {
            splits = SplitApportionment.splits(w, panel);
        }
    }

    SplitApportionment.Split cumbria(List<SplitApportionment.Split> l) {
        return l.stream().filter(s -> s.predecessorCode().equals(CUMBRIA)).findFirst().orElseThrow();
    }

    @Test
    void sharesAreTheSuccessorsPartsOfThe2023to24DsgAllocation() {
        // Only Cumbria: Dorset's and Northamptonshire's successors report their own Januaries.
        assertEquals(List.of(CUMBRIA), splits.stream().map(SplitApportionment.Split::predecessorCode).toList());
        SplitApportionment.Split s = cumbria(splits);
        assertEquals(2024, s.firstJanuary());
        assertEquals("202324", s.period());
        assertEquals(CUMBERLAND, s.shares().get(0).successorCode());
        assertEquals(256_126_117.0, s.shares().get(0).allocation());
        assertEquals(198_022_488.0, s.shares().get(1).allocation());
        // 256,126,117 / 454,148,605 = 0.56397…
        assertEquals(56.4, Math.round(1000 * s.shares().get(0).share()) / 10.0);
        assertEquals(43.6, Math.round(1000 * s.shares().get(1).share()) / 10.0);
    }

    @Test
    void withoutTheAllocationsCumbriaStaysOneLaAndSaysWhy() {
        SplitApportionment.Split s = cumbria(withoutDsg);
        assertTrue(s.shares().isEmpty());
        EhcpForecasting f = new EhcpForecasting(panel, 200, RollingOrigins.DEFAULT_WINDOW);
        List<IntervalForecast> rows = SplitApportionment.apply(withoutDsg,
                f.forecast(2021, 3, "auto", List.of(CUMBRIA)), notesWithoutDsg);
        assertTrue(notesWithoutDsg.get(0).contains("no dsg_allocation for Cumberland (E06000063)"), notesWithoutDsg.toString());
        assertEquals(List.of(CUMBRIA + "@2022", CUMBRIA + "@2023", CUMBRIA + "@2024"),
                rows.stream().map(r -> r.areaCode() + "@" + r.targetYear()).toList());
        assertTrue(notesWithoutDsg.get(0).contains("forecast as one LA beyond the split"), notesWithoutDsg.toString());
    }

    @Test
    void successorsSumToThePredecessorsForecastFromTheSplitOn() {
        EhcpForecasting f = new EhcpForecasting(panel, 200, RollingOrigins.DEFAULT_WINDOW);
        List<IntervalForecast> pred = f.forecast(2021, 3, "auto", List.of(CUMBRIA));
        List<String> notes = new ArrayList<>();
        List<IntervalForecast> rows = SplitApportionment.apply(splits, pred, notes);
        // January 2022 and 2023 are Cumbria's; 2024, the first after the split, is its successors'.
        assertEquals(List.of(CUMBRIA + "@2022", CUMBRIA + "@2023", CUMBERLAND + "@2024", WESTMORLAND + "@2024"),
                rows.stream().map(r -> r.areaCode() + "@" + r.targetYear()).toList());
        IntervalForecast p = pred.get(2);
        double sum = rows.get(2).point() + rows.get(3).point();
        assertEquals(p.point(), sum, 1e-9 * p.point(), "the shares sum to one, so the points add up to rounding");
        assertEquals(p.hi80(), rows.get(2).hi80() + rows.get(3).hi80(), 1e-9 * p.hi80());
        assertEquals(CUMBRIA, rows.get(2).parameters().get("apportioned_from"));
        assertEquals("dsg_allocation", rows.get(2).parameters().get("apportion_measure"));
        assertEquals(Map.of(CUMBERLAND, 256_126_117.0, WESTMORLAND, 198_022_488.0),
                rows.get(3).parameters().get("apportion_allocations_gbp"));
        assertEquals(List.of("Cumbria (E10000006) split on 2023-04-01: January 2024 on is forecast as Cumberland "
                + "(E06000063) 56.4% and Westmorland and Furness (E06000064) 43.6% of its forecast, their shares of the "
                + "202324 DSG allocation (docs/decisions/0175)."), notes);
    }

    @Test
    void allCsvListsBothSuccessorsAndNoCumbriaAfterTheSplit() {
        CliRun run = CliRun.of("forecast", "ehcp", "--warehouse", file.toString(), "--all", "--origin", "2023",
                "--horizon", "2", "--simulations", "200", "--format", "csv");
        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("area_code,area_name,target_year,model,breakdown,point,lo80,hi80,lo95,hi95", lines[0]);
        Map<String, Double> point = new HashMap<>();
        for (String l : lines) {
            String[] c = l.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)"); // names such as "Bristol, City of" are quoted
            if (c[4].equals("total")) point.put(c[0] + "@" + c[2], Double.parseDouble(c[5]));
            assertFalse(c[0].equals(CUMBRIA), "Cumbria itself is not forecast beyond the split: " + l);
        }
        for (int y : new int[] {2024, 2025}) {
            assertTrue(point.containsKey(CUMBERLAND + "@" + y) && point.containsKey(WESTMORLAND + "@" + y), run.out());
        }
        assertTrue(run.err().contains("Cumbria (E10000006) split on 2023-04-01"), run.err());
        // The printed figures are rounded to whole plans: the two successors' sum is the predecessor's within 1.
        EhcpForecasting f = new EhcpForecasting(panel, 200, RollingOrigins.DEFAULT_WINDOW);
        for (IntervalForecast p : f.forecast(2023, 2, "auto", List.of(CUMBRIA))) {
            double sum = point.get(CUMBERLAND + "@" + p.targetYear()) + point.get(WESTMORLAND + "@" + p.targetYear());
            assertEquals(Math.round(p.point()), sum, 1.0, "January " + p.targetYear());
        }
    }

    @Test
    void theBacktestNeverSeesAnApportionedSeries() {
        // The successors have no series in the panel the backtest scores; only the forecast command apportions.
        for (String c : List.of(CUMBERLAND, WESTMORLAND)) {
            assertTrue(panel.area(c) == null || panel.area(c).stock().isEmpty(), c + " has no January in SEN2 here");
        }
        assertEquals(2023, panel.lastStockYear());
    }

    @Test
    void eachSuccessorIsForecastByItsOwnCodeFromItsApportionedHistory() {
        SplitApportionment.Split s = cumbria(splits);
        // Cumbria's January 2023 is 4,489 and 2016 2,397 (SEN2); Cumberland's share is 256,126,117 / 454,148,605.
        double share = 256_126_117.0 / 454_148_605.0;
        YearSeries cumberland = SplitApportionment.history(s, s.share(CUMBERLAND), panel);
        assertEquals(4489 * share, cumberland.get(2023), 1e-9);
        assertEquals(2397 * share, cumberland.get(2016), 1e-9);
        assertEquals(2023, cumberland.lastYear(), "no January from the split on");
        assertEquals(4489 * (1 - share), SplitApportionment.history(s, s.share(WESTMORLAND), panel).get(2023), 1e-9);

        EhcpForecasting f = new EhcpForecasting(panel, 200, RollingOrigins.DEFAULT_WINDOW);
        List<IntervalForecast> pred = f.forecast(2023, 2, "auto", List.of(CUMBRIA));
        for (String code : List.of(CUMBERLAND, WESTMORLAND)) {
            CliRun run = CliRun.of("forecast", "ehcp", "--warehouse", file.toString(), "--area", code, "--origin", "2023",
                    "--horizon", "2", "--simulations", "200", "--format", "csv");
            assertEquals(0, run.code(), run.err());
            String[] lines = run.out().split("\n");
            assertEquals(3, lines.length, run.out());
            double k = code.equals(CUMBERLAND) ? share : 1 - share;
            for (int i = 1; i < lines.length; i++) {
                String[] c = lines[i].split(",");
                assertEquals(code, c[0], lines[i]);
                assertEquals(String.valueOf(2023 + i), c[2]);
                assertEquals(Math.round(pred.get(i - 1).point() * k), Double.parseDouble(c[5]), 0.0, lines[i]);
                assertEquals(Math.round(pred.get(i - 1).hi80() * k), Double.parseDouble(c[7]), 0.0, lines[i]);
            }
        }
        CliRun cumberlandTable = CliRun.of("forecast", "ehcp", "--warehouse", file.toString(), "--area", CUMBERLAND,
                "--origin", "2023", "--horizon", "1", "--simulations", "200");
        assertTrue(cumberlandTable.out().contains("Cumberland (E06000063) has no January of its own before 2024: its "
                + "history is Cumbria's times 56.4% (January 2023: 4,489 × 56.4% = 2,532 plans)."), cumberlandTable.out());
    }

    @Test
    void aSuccessorWithJanuariesOfItsOwnIsForecastFromThem() {
        // Two made-up January 2024 counts (SEN2 here ends at 2023): what the forecast does once they are loaded.
        PanelInputs in;
        List<SplitApportionment.Split> at2023;
        List<SplitApportionment.Split> at2024;
        try (Warehouse w = Warehouse.open(file)) {
            in = PanelLoader.inputs(w);
            in.value(CUMBERLAND, "Cumberland", "ehc_plans", "total", "total", 2024, 2600);
            in.value(WESTMORLAND, "Westmorland and Furness", "ehc_plans", "total", "total", 2024, 2000);
            Panel withOwn = in.panel();
            at2023 = SplitApportionment.splits(w, withOwn.asOf(2023));
            at2024 = SplitApportionment.splits(w, withOwn.asOf(2024));
            // From 2024 on the successors are linked back by 0041: 2023 = 2,600 × 4,489 / (2,600 + 2,000).
            assertEquals(2600.0 * 4489 / 4600, withOwn.asOf(2024).area(CUMBERLAND).stock().get(2023), 1e-9);
            assertEquals(List.of(CUMBERLAND), SplitApportionment.areasToFit(at2024, List.of(CUMBERLAND), withOwn));
            // From 2023 (before their first January) they are still Cumbria's forecast apportioned.
            assertEquals(List.of(CUMBRIA), SplitApportionment.areasToFit(at2023, List.of(CUMBERLAND, WESTMORLAND), withOwn));
            EhcpForecasting f = new EhcpForecasting(withOwn, 50, RollingOrigins.DEFAULT_WINDOW);
            IntervalForecast own = f.forecast(2024, 1, "last_value", List.of(CUMBERLAND)).get(0);
            assertEquals(2600.0, own.point(), "carried from its own January 2024");
            assertFalse(own.parameters().containsKey("apportioned_from"));
        }
        assertTrue(at2024.isEmpty(), at2024.toString());
        assertEquals(List.of(CUMBRIA), at2023.stream().map(SplitApportionment.Split::predecessorCode).toList());
    }

    @Test
    void splitsAreReadAsAtTheOriginAndAMergerIsNotApportioned() {
        try (Warehouse w = Warehouse.open(file)) {
            // From January 2019 no successor of Cumbria, Northamptonshire or Dorset county reports yet; Dorset
            // county's part of BCP merged with Bournemouth and Poole, so only the two pure splits are apportioned.
            List<SplitApportionment.Split> at2019 = SplitApportionment.splits(w, panel.asOf(2019));
            assertEquals(List.of(CUMBRIA, "E10000021"), at2019.stream().map(SplitApportionment.Split::predecessorCode)
                    .sorted().toList());
            SplitApportionment.Split northants = at2019.stream().filter(s -> s.predecessorCode().equals("E10000021"))
                    .findFirst().orElseThrow();
            assertEquals(2022, northants.firstJanuary());
            assertEquals("202122", northants.period());
        }
    }
}

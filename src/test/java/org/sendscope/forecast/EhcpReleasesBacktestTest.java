package org.sendscope.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sendscope.cli.Main;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine;

/**
 * The forecasts on the two SEN2 releases in ../shared, loaded through the warehouse loader:
 * successions, the backtest goal (issue 6), the no-leak rule on real data, and the commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedWarehouse.class)
class EhcpReleasesBacktestTest {
    static final String R2022 = "ehc-plans/education-health-and-care-plans_2022.zip";
    static final String R2025 = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";

    Path file;
    Panel panel;
    List<Backtest.Row> rows;

    /** A copy of a warehouse with both releases loaded ({@code sendscope load dfe-ehcp R2022 R2025}). */
    @BeforeAll
    void load(@SharedWarehouse.Copy(Contents.SEN2) Path copy) {
        file = copy;
        try (Warehouse w = Warehouse.open(file)) {
            panel = PanelLoader.load(w);
        }
        // The 1,000-simulation backtest, computed once: the Spark test below compares with it.
        rows = new EhcpForecasting(panel).backtest(List.of(), 2016, 2022, 3);
    }

    @AfterAll
    void done() {
        // the temp dir goes with the class
    }

    Backtest.Row row(String model, int h) {
        return rows.stream().filter(r -> r.model().equals(model) && r.horizon() == h).findFirst().orElseThrow();
    }

    @Test
    void bcpIsLinkedBackThroughBournemouthPooleAndDorset() {
        // caseload.csv: January 2020 BCP 2448, Dorset (838) 2534; January 2019 Bournemouth 1045,
        // Poole 846, Dorset county (835) 2392.
        AreaHistory bcp = panel.asOf(2020).area("E06000058");
        assertEquals(2448, bcp.stock().get(2020));
        assertEquals(2448.0 * (1045 + 846 + 2392) / (2448 + 2534), bcp.stock().get(2019), 1e-9);
        assertEquals(2020, bcp.reportedFrom());
        assertEquals(2010, bcp.stock().firstYear());
        // From 2019 BCP did not exist yet: it is not forecast, and its predecessors are not scored after.
        assertTrue(panel.asOf(2019).forecastable().stream().noneMatch(a -> a.code().equals("E06000058")));
    }

    @Test
    void autoBeatsTheBestBaselineByTenPercentAndItsIntervalsHold() {
        for (int h = 1; h <= 2; h++) {
            final int hh = h;
            Backtest.Row best = Models.baselines().stream().map(m -> row(m, hh))
                    .min((a, b) -> Double.compare(a.mape(), b.mape())).orElseThrow();
            Backtest.Row auto = row(Models.AUTO, h);
            assertTrue(auto.mape() <= 0.9 * best.mape(), "h=" + h + ": auto " + auto + " vs " + best);
            assertTrue(auto.cov80() >= 75 && auto.cov80() <= 88, "h=" + h + ": " + auto);
            assertTrue(auto.cov95() >= 90, "h=" + h + ": " + auto);
            assertTrue(auto.n() > 850, auto.toString());
        }
        // Every model is scored on the same forecasts.
        Map<Integer, Long> distinctN = rows.stream().collect(Collectors.groupingBy(Backtest.Row::horizon,
                Collectors.mapping(Backtest.Row::n, Collectors.counting())));
        assertEquals(3, distinctN.size());
        assertEquals(1, rows.stream().filter(r -> r.horizon() == 1).map(Backtest.Row::n).distinct().count());
    }

    @Test
    void requestsLeadTheStockAndAutoUsesThem() {
        // Measured: leading_indicators 3.97 / 6.52 / 9.03 against pooled growth 4.25 / 6.92 / 9.49
        // (backtest ehcp --origins 2016-2022 --horizon 3, the two SEN2 releases, no neighbours).
        for (int h = 1; h <= 3; h++) {
            assertTrue(row("leading_indicators", h).mape() < row("pooled_growth", h).mape() - 0.25, "h=" + h);
            assertEquals(row("leading_indicators", h).mape(), row(Models.AUTO, h).mape(), 1e-9, "h=" + h);
        }
        assertTrue(row(Models.AUTO, 1).mape() < 4.0, row(Models.AUTO, 1).toString());
        assertTrue(row(Models.AUTO, 2).mape() < 6.6, row(Models.AUTO, 2).toString());
    }

    @Test
    void theScoresPerOriginAddUpToThePooledOnes() {
        EhcpForecasting f = new EhcpForecasting(panel, 100, RollingOrigins.DEFAULT_WINDOW);
        List<String> models = List.of("pooled_growth", "leading_indicators", Models.AUTO);
        List<Backtest.Row> pooled = f.backtest(models, 2016, 2022, 3);
        List<Backtest.OriginRow> perOrigin = f.backtestByOrigin(models, 2016, 2022, 3);
        for (Backtest.Row p : pooled) {
            List<Backtest.Row> parts = perOrigin.stream().map(Backtest.OriginRow::row)
                    .filter(r -> r.model().equals(p.model()) && r.horizon() == p.horizon()).toList();
            assertEquals(p.n(), parts.stream().mapToInt(Backtest.Row::n).sum(), p.toString());
            assertEquals(p.mape(), parts.stream().mapToDouble(r -> r.mape() * r.n()).sum() / p.n(), 1e-9);
            assertEquals(p.bias(), parts.stream().mapToDouble(r -> r.bias() * r.n()).sum() / p.n(), 1e-9);
        }
        // Origin 2016, one year ahead (January 2017): every model under-forecast the 2014-2016 conversions.
        Backtest.Row first = perOrigin.stream().filter(o -> o.origin() == 2016).map(Backtest.OriginRow::row)
                .filter(r -> r.model().equals(Models.AUTO) && r.horizon() == 1).findFirst().orElseThrow();
        assertEquals(152, first.n());
        assertTrue(first.bias() < -3, first.toString());
        // Seven origins at one year, six at two, five at three.
        assertEquals(7 + 6 + 5, perOrigin.stream().filter(o -> o.row().model().equals(Models.AUTO)).count());
    }

    @Test
    void aForecastFrom2019IsTheSameWithoutTheLaterReleasesYears() {
        try (Warehouse w = Warehouse.open(file)) {
            List<String> with = fingerprint(w);
            w.execute("BEGIN TRANSACTION");
            NoLeakTest.forgetAfter(w, 2019);
            List<String> without = fingerprint(w);
            w.execute("ROLLBACK");
            assertEquals(with, without);
            assertTrue(with.size() > 150 * 3, "rows " + with.size());
        }
    }

    private static List<String> fingerprint(Warehouse w) {
        EhcpForecasting f = new EhcpForecasting(PanelLoader.load(w), 100, RollingOrigins.DEFAULT_WINDOW);
        List<String> out = new java.util.ArrayList<>();
        for (String m : List.of("pooled_growth", "flow", "age_cohort", "leading_indicators", "auto")) {
            for (IntervalForecast x : f.forecast(2019, 3, m, List.of())) {
                out.add(m + "|" + x.areaCode() + "|" + x.targetYear() + "|" + x.model() + "|" + x.point() + "|"
                        + x.lo80() + "|" + x.hi95() + "|" + Json.of(x.parameters()));
            }
        }
        return out;
    }

    String run(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--warehouse", file.toString())).toArray(String[]::new);
        int code = cl.execute(all);
        assertEquals(expectedExit, code, out + "\n" + err);
        return expectedExit == 0 ? out.toString() : err.toString();
    }

    @Test
    void forecastAllFrom2023GivesARowForEveryLaReportingInJanuary2023() {
        String csv = run(0, "forecast", "ehcp", "--all", "--origin", "2023", "--horizon", "2", "--format", "csv");
        List<String> lines = csv.lines().toList();
        assertEquals("area_code,area_name,target_year,model,breakdown,point,lo80,hi80,lo95,hi95", lines.get(0));
        // caseload.csv has 152 LAs with a January 2023 (202223) figure.
        assertEquals(152 * 2, lines.size() - 1);
        Map<String, Long> perArea = lines.stream().skip(1).collect(Collectors.groupingBy(l -> l.split(",")[0],
                Collectors.counting()));
        assertEquals(152, perArea.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("E06000058,") && l.contains(",2025,")));
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            assertEquals(304, w.count("SELECT count(*) FROM forecasts_latest WHERE origin = 2023"));
        }
    }

    @Test
    void theBacktestCommandPrintsOneRowPerModelAndHorizon() {
        String csv = run(0, "backtest", "ehcp", "--origins", "2020-2022", "--horizon", "2",
                "--models", "compound_3y,pooled_growth,auto", "--format", "csv");
        List<String> lines = csv.lines().toList();
        assertEquals("model,kind,horizon,n,mape,wape,bias,cov80,cov95,pinball", lines.get(0));
        assertEquals(6, lines.size() - 1);
        Function<String, String> kind = l -> l.split(",")[1];
        assertEquals("baseline", kind.apply(lines.get(1)));
        assertEquals("auto", kind.apply(lines.get(6)));
    }

    @Test
    void theSparkJobGivesTheSameTableOnTheReleases() {
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            org.sendscope.spark.SparkBacktestBench.Result r = org.sendscope.spark.SparkBacktestBench.compare(
                    LocalSpark.session(), w, rows, 2016, 2022, 3, org.sendscope.forecast.Models.DEFAULT_SIMULATIONS);
            assertEquals(rows.size(), r.rows());
            assertTrue(r.maxDifference() < 1e-9, "largest difference " + r.maxDifference());
        }
    }

    @Test
    void mistakesAreUserErrors() {
        assertTrue(run(1, "forecast", "ehcp", "--area", "E99999999", "--origin", "2023").contains("no EHC plan series for area"));
        assertTrue(run(1, "forecast", "ehcp", "--all", "--origin", "2030").contains("outside 2012-2023"));
        assertTrue(run(1, "forecast", "ehcp", "--all", "--model", "crystal_ball").contains("unknown model"));
        assertTrue(run(1, "backtest", "ehcp", "--origins", "2022-2016").contains("--origins must be"));
        // BCP reported no January 2019 under its own code.
        assertTrue(run(1, "forecast", "ehcp", "--area", "E06000058", "--origin", "2019").contains("no January 2019"));
    }
}

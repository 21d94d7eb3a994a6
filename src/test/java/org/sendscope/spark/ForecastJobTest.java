package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.forecast.EhcpForecasting;
import org.sendscope.forecast.IntervalForecast;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.PanelLoader;
import org.sendscope.forecast.RollingOrigins;
import org.sendscope.forecast.SplitApportionment;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code spark forecast} on the shared releases gives the single-machine forecasts: every LA, target
 * year and part with the same model (auto's choice included) and the same point and intervals
 * within 1e-9 of their size; and, run as a user types it with {@code --format csv}, the same rows,
 * columns and rounded figures as {@code sendscope forecast ehcp --all --format csv}.
 */
@ExtendWith(SharedWarehouse.class)
class ForecastJobTest {
    /** Fewer simulations than a user's 1,000 keep the age-cohort model quick; both sides use the same. */
    static final int SIMULATIONS = 100;
    static Path warehouse;
    static Path export;

    @BeforeAll
    static void export(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path w) {
        warehouse = w;
        export = Exported.of("NOTEBOOKS", w);
    }

    @Test
    void everyLaIsForecastAsOnOneMachine() {
        SparkSession spark = LocalSpark.session();
        int origin = 2022;
        List<IntervalForecast> expected;
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            expected = new EhcpForecasting(PanelLoader.load(w), SIMULATIONS, RollingOrigins.DEFAULT_WINDOW)
                    .forecast(origin, 3, Models.AUTO, List.of());
        }
        List<Row> actual = ForecastJob.forecasts(spark,
                EhcpInputs.fromExport(spark, JobArgs.of(export.toString(), "unused", OutputFormat.parquet)),
                origin, 3, Models.AUTO, SIMULATIONS).collectAsList();
        Map<String, Row> byKey = new HashMap<>();
        for (Row r : actual) byKey.put(r.getString(0) + "|" + r.getInt(3) + "|" + r.getString(7), r);
        int rows = 0;
        double largest = 0;
        for (IntervalForecast e : expected) {
            List<String[]> parts = new ArrayList<>();
            parts.add(new String[] {"total", "1"});
            for (var p : e.parts().entrySet()) parts.add(new String[] {p.getKey(), Double.toString(p.getValue() / e.point())});
            for (String[] part : parts) {
                String what = e.areaCode() + " " + e.targetYear() + " " + part[0];
                Row a = byKey.get(e.areaCode() + "|" + e.targetYear() + "|" + part[0]);
                assertNotNull(a, what);
                rows++;
                double share = Double.parseDouble(part[1]);
                assertEquals(e.areaName(), a.getString(1), what);
                assertEquals(e.model(), a.getString(5), what);
                assertEquals(e.selection(), a.getString(6), what);
                double[] x = {e.point() * share, e.lo80() * share, e.hi80() * share, e.lo95() * share, e.hi95() * share};
                for (int i = 0; i < x.length; i++) {
                    Double y = a.isNullAt(8 + i) ? null : a.getDouble(8 + i);
                    if (Double.isNaN(x[i])) {
                        assertEquals(null, y, what);
                        continue;
                    }
                    assertNotNull(y, what);
                    double d = Math.abs(x[i] - y) / Math.max(1, Math.abs(x[i]));
                    largest = Math.max(largest, d);
                    assertTrue(d <= 1e-9, what + ": " + x[i] + " against " + y);
                }
            }
        }
        assertEquals(rows, actual.size());
        assertTrue(expected.size() > 400, "forecasts: " + expected.size());
        System.out.println("forecast: " + rows + " rows, largest relative difference " + largest);
    }

    @Test
    void theCommandWritesTheRowsOfForecastEhcpAsCsv() throws IOException {
        LocalSpark.session();   // the command runs on the test run's session, and leaves it running
        CliRun single = CliRun.of("forecast", "ehcp", "--all", "--origin", "2021", "--horizon", "2", "--simulations",
                Integer.toString(SIMULATIONS), "--format", "csv", "--warehouse", warehouse.toString());
        assertEquals(0, single.code(), single.err());
        Path out = Files.createTempDirectory("sendscope-spark-forecast-");
        CliRun spark = CliRun.of("spark", "forecast", "--input", export.toString(), "--output", out.toString(),
                "--format", "csv", "--origin", "2021", "--horizon", "2", "--simulations", Integer.toString(SIMULATIONS));
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.out().startsWith("forecasts "), spark.out());
        Path csv;
        try (Stream<Path> s = Files.list(out.resolve("forecasts"))) {
            csv = s.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        List<CSVRecord> expected = records(single.out());
        List<CSVRecord> actual = records(Files.readString(csv));
        assertEquals(expected.get(0).toList(), actual.get(0).toList());   // the header: the same columns
        assertEquals(expected.size(), actual.size());
        for (int i = 1; i < expected.size(); i++) {
            List<String> e = expected.get(i).toList();
            List<String> a = actual.get(i).toList();
            assertEquals(e.subList(0, 5), a.subList(0, 5), "row " + i);
            for (int c = 5; c < e.size(); c++) {
                if (e.get(c).isEmpty()) assertEquals("", a.get(c), "row " + i + " " + e);
                else assertEquals(Double.parseDouble(e.get(c)), Double.parseDouble(a.get(c)), 0.0, "row " + i + " " + e);
            }
        }
        String manifest = Files.readString(out.resolve(JobRunner.MANIFEST));
        assertTrue(manifest.contains("\"job\" : \"forecast\""), manifest);
        assertTrue(manifest.contains("\"simulations\" : \"" + SIMULATIONS + "\""), manifest);
        assertTrue(manifest.contains("observations.parquet"), manifest);
        assertTrue(manifest.contains("\"sha256\""), manifest);
    }

    @Test
    void splitLasAreTheirSuccessorsAsInForecastEhcp(@SharedWarehouse.Copy(SharedWarehouse.Contents.SEN2) Path copy)
            throws Exception {
        // With the DSG allocations loaded, Northamptonshire (split 1 April 2021) and Cumbria (1 April 2023) go to
        // their successors from their first Januaries (2022, 2024) by their DSG shares (docs/decisions/0175).
        CliRun dsg = CliRun.of("load", "dsg", "--warehouse", copy.toString(),
                org.sendscope.testing.SharedData.dfe("finance/DSG_by_year_dr.xlsx").toString());
        assertEquals(0, dsg.code(), dsg.err());
        SparkSession spark = LocalSpark.session();
        Path dir = Files.createTempDirectory("sendscope-splits-");
        List<SplitApportionment.Split> expected;
        List<IntervalForecast> rows;
        try (Warehouse w = Warehouse.open(copy)) {
            // the three views the job reads for splits, as `export parquet` writes them (only these, to stay quick)
            try (java.sql.Statement st = w.connection().createStatement()) {
                for (String view : List.of("areas", "area_successions", "observations")) {
                    String where = view.equals("observations") ? " WHERE measure = 'dsg_allocation'" : "";
                    st.execute("COPY (SELECT * FROM " + view + where + ") TO '" + dir.resolve(view + ".parquet")
                            + "' (FORMAT parquet)");
                }
            }
            org.sendscope.forecast.Panel panel = PanelLoader.load(w);
            expected = SplitApportionment.splits(w, panel.asOf(2021));
            List<SplitApportionment.Split> actual = ForecastJob.splits(spark,
                    JobArgs.of(dir.toString(), "unused", OutputFormat.parquet), panel.asOf(2021));
            assertEquals(expected, actual);
            assertEquals(List.of("E10000006", "E10000021"), actual.stream().map(SplitApportionment.Split::predecessorCode)
                    .sorted().toList(), "Dorset county's part of BCP is a merger, not a split");
        }
        // forecasts from January 2021 of 1,000 plans (80 %: 900-1,100; 95 %: 800-1,200) for both predecessors
        rows = new ArrayList<>();
        for (String code : List.of("E10000006", "E10000021")) {
            for (int h = 1; h <= 3; h++) {
                rows.add(new IntervalForecast(code, code, 2021, 2021 + h, h, "pooled_growth", "given", 1000, 900, 1100, 800,
                        1200, null, null, Map.of(), Map.of()));
            }
        }
        List<Row> forecastRows = new ArrayList<>();
        for (IntervalForecast f : rows) {
            forecastRows.add(org.apache.spark.sql.RowFactory.create(f.areaCode(), f.areaName(), f.origin(), f.targetYear(),
                    f.horizon(), f.model(), f.selection(), "total", f.point(), f.lo80(), f.hi80(), f.lo95(), f.hi95()));
        }
        List<Row> job = ForecastJob.apportioned(spark.createDataFrame(forecastRows, ForecastJob.FORECASTS), expected)
                .collectAsList();
        List<IntervalForecast> single = SplitApportionment.apply(expected, rows, new ArrayList<>());
        assertEquals(single.size(), job.size());
        // Cumbria 2022-2024 and Northamptonshire 2022-2024: Cumbria keeps 2022 and 2023, Northamptonshire none
        assertEquals(List.of("E06000061@2022", "E06000061@2023", "E06000061@2024", "E06000062@2022", "E06000062@2023",
                "E06000062@2024", "E06000063@2024", "E06000064@2024", "E10000006@2022", "E10000006@2023"),
                job.stream().map(r -> r.getString(0) + "@" + r.getInt(3)).sorted().toList());
        Map<String, IntervalForecast> byKey = new HashMap<>();
        for (IntervalForecast f : single) byKey.put(f.areaCode() + "@" + f.targetYear(), f);
        // Cumberland's share of the 2023-24 allocation: 256,126,117 / 454,148,605
        Row cumberland = job.stream().filter(r -> r.getString(0).equals("E06000063")).findFirst().orElseThrow();
        assertEquals(1000 * 256_126_117.0 / 454_148_605.0, cumberland.getDouble(8), 1e-9);
        assertEquals("Cumberland", cumberland.getString(1));
        for (Row r : job) {
            IntervalForecast e = byKey.get(r.getString(0) + "@" + r.getInt(3));
            assertEquals(e.areaName(), r.getString(1));
            assertEquals(e.point(), r.getDouble(8), 1e-9 * e.point());
            assertEquals(e.hi95(), r.getDouble(12), 1e-9 * e.hi95());
        }
    }

    private static List<CSVRecord> records(String text) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }
}

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

    private static List<CSVRecord> records(String text) throws IOException {
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }
}

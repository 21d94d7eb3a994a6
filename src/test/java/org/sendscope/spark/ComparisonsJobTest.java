package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;

/**
 * {@code spark comparisons} on the shared releases (both SEN2 releases, the May 2025 neighbours,
 * BCP's papers) gives the view benchmark_comparison row for row: the same keys, every count, rank,
 * band and word exactly (and {@code spark trends} gives kpi_trend the same way), every mean, median, quartile and gap within 1e-9 of its size.
 */
@ExtendWith(SharedWarehouse.class)
class ComparisonsJobTest {
    static final List<String> KEY = List.of("measure", "area_code", "breakdown", "period_kind", "period_start", "period_end");
    static Path export;

    @BeforeAll
    static void export(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path warehouse) {
        export = Exported.of("NOTEBOOKS", warehouse);
    }

    @Test
    void trendsEqualTheViewOnTheSharedReleases() {
        SparkSession spark = LocalSpark.session();
        Map<String, Dataset<Row>> out = new TrendsJob().run(spark,
                JobArgs.of(export.toString(), "unused", OutputFormat.parquet));
        Dataset<Row> expected = spark.read().parquet(export.resolve("kpi_trend.parquet").toString());
        Dataset<Row> actual = out.get("kpi_trend");
        assertArrayEquals(expected.columns(), actual.columns());
        SameTable t = SameTable.compare(expected, actual, KEY);
        System.out.println("trends: " + t);
        assertTrue(t.expectedRows() > 300_000, "rows: " + t.expectedRows());
        assertEquals(t.expectedRows(), t.actualRows());
        assertEquals(0, t.onlyExpected());
        assertEquals(0, t.onlyActual());
        assertEquals(0, t.repeatedKeys());
        assertEquals(Map.of(), t.differing());
        assertTrue(t.largestDifference() <= 1e-9, t.maxDifference().toString());
        // BCP's papers give targets: some values are RAG-rated, so the target rules were exercised
        assertTrue(actual.where("rag IS NOT NULL").count() > 0);
    }

    @Test
    void comparisonsEqualTheViewOnTheSharedReleases() {
        SparkSession spark = LocalSpark.session();
        Map<String, Dataset<Row>> out = new ComparisonsJob().run(spark,
                JobArgs.of(export.toString(), "unused", OutputFormat.parquet));
        Dataset<Row> expected = spark.read().parquet(export.resolve("benchmark_comparison.parquet").toString());
        Dataset<Row> actual = out.get("benchmark_comparison");
        assertArrayEquals(expected.columns(), actual.columns());
        SameTable t = SameTable.compare(expected, actual, KEY);
        System.out.println("comparisons: " + t);
        assertTrue(t.expectedRows() > 300_000, "rows: " + t.expectedRows());
        assertEquals(t.expectedRows(), t.actualRows());
        assertEquals(0, t.onlyExpected());
        assertEquals(0, t.onlyActual());
        assertEquals(0, t.repeatedKeys());
        assertEquals(Map.of(), t.differing());
        assertTrue(t.largestDifference() <= 1e-9, t.maxDifference().toString());
    }
}

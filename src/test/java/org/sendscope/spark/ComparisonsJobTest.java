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

    /**
     * The neighbours' mean is the same to the last bit however the rows are split into tasks: on
     * the timeliness measure (ten neighbours an LA) the job on one task and on seven gives the
     * same rows, where a plain {@code avg} over the same two splits does not (docs/decisions/0199).
     */
    @Test
    void comparisonsDoNotDependOnThePartitioning() {
        SparkSession spark = LocalSpark.session();
        JobArgs args = JobArgs.of(export.toString(), "unused", OutputFormat.parquet);
        Dataset<Row> obs = args.read(spark, "analysis_observations").where("measure = 'ehc_20wk_pct_excl_exc'");
        Dataset<Row> measures = args.read(spark, "analysis_measures");
        Dataset<Row> areas = args.read(spark, "areas");
        Dataset<Row> neighbours = args.read(spark, "statistical_neighbours");
        String partitions = spark.conf().get("spark.sql.shuffle.partitions");
        try {
            spark.conf().set("spark.sql.shuffle.partitions", "1");
            List<Row> one = ComparisonsJob.comparisons(obs.coalesce(1), measures, areas, neighbours.coalesce(1))
                    .collectAsList();
            List<Row> oneAvg = plainMean(obs.coalesce(1), neighbours.coalesce(1)).collectAsList();
            spark.conf().set("spark.sql.shuffle.partitions", "5");
            Dataset<Row> seven = ComparisonsJob.comparisons(obs.repartition(7), measures, areas, neighbours.repartition(3));
            Dataset<Row> sevenAvg = plainMean(obs.repartition(7), neighbours.repartition(3));
            Dataset<Row> a = spark.createDataFrame(one, seven.schema());
            assertTrue(one.size() > 1_000, "rows: " + one.size());
            assertEquals(0, a.exceptAll(seven).count());
            assertEquals(0, seven.exceptAll(a).count());
            // the two splits are ones that move a plain avg, so the equality above says something
            assertTrue(spark.createDataFrame(oneAvg, sevenAvg.schema()).exceptAll(sevenAvg).count() > 0);
            // Hartlepool, 2015: the mean of its ten neighbours' published percentages
            Row h = a.where("area_code = 'E06000001' AND period_label = '2015' AND breakdown = 'total'")
                    .select("value", "sn_n", "sn_mean", "sn_median", "rank", "n_ranked", "quartile").first();
            assertEquals(38.5, h.getDouble(0), 1e-9);
            assertEquals(10L, h.getLong(1));
            assertEquals(69.5, h.getDouble(2), 1e-9);
            assertEquals(73.9, h.getDouble(3), 1e-9);
            assertEquals(102L, h.getLong(4));
            assertEquals(149L, h.getLong(5));
            assertEquals("C", h.getString(6));
        } finally {
            spark.conf().set("spark.sql.shuffle.partitions", partitions);
        }
    }

    /**
     * A synthetic load's rows are shown but never ranked (docs/decisions/0126), as in the view: a
     * made-up LA with 100 % of plans in 20 weeks beside Hartlepool's 2015 figure leaves Hartlepool
     * 102nd of 149 and gets no rank or band itself; the same row from a real load would be 1st and
     * push Hartlepool to 103rd of 150.
     */
    @Test
    void aSyntheticLoadsRowsAreShownButNotRanked() {
        SparkSession spark = LocalSpark.session();
        JobArgs args = JobArgs.of(export.toString(), "unused", OutputFormat.parquet);
        Dataset<Row> obs = args.read(spark, "analysis_observations")
                .where("measure = 'ehc_20wk_pct_excl_exc' AND breakdown = 'total'");
        Dataset<Row> made = obs.where("area_code = 'E06000001' AND period_label = '2015'")
                .withColumn("area_code", org.apache.spark.sql.functions.lit("E99999999"))
                .withColumn("area_name", org.apache.spark.sql.functions.lit("Made-up LA (synthetic)"))
                .withColumn("value", org.apache.spark.sql.functions.lit(100.0))
                .withColumn("load_id", org.apache.spark.sql.functions.lit(999_999L));
        assertEquals(1, made.count());
        Dataset<Row> with = obs.unionByName(made);
        Dataset<Row> measures = args.read(spark, "analysis_measures");
        Dataset<Row> areas = args.read(spark, "areas");
        Dataset<Row> neighbours = args.read(spark, "statistical_neighbours");

        Dataset<Row> synthetic = ComparisonsJob.comparisons(with, measures, areas, neighbours, List.of(999_999L))
                .where("period_label = '2015'");
        Row h = synthetic.where("area_code = 'E06000001'").select("rank", "n_ranked", "quartile").first();
        assertEquals(102L, h.getLong(0));
        assertEquals(149L, h.getLong(1));
        assertEquals("C", h.getString(2));
        Row m = synthetic.where("area_code = 'E99999999'").select("value", "rank", "quartile", "n_ranked").first();
        assertEquals(100.0, m.getDouble(0), 1e-9);
        assertTrue(m.isNullAt(1), "a synthetic row is not ranked");
        assertTrue(m.isNullAt(2), "nor banded");
        assertEquals(149L, m.getLong(3));

        Dataset<Row> real = ComparisonsJob.comparisons(with, measures, areas, neighbours).where("period_label = '2015'");
        Row hr = real.where("area_code = 'E06000001'").select("rank", "n_ranked").first();
        assertEquals(103L, hr.getLong(0));
        assertEquals(150L, hr.getLong(1));
        assertEquals(1L, real.where("area_code = 'E99999999'").select("rank").first().getLong(0));
    }

    /** The neighbours' mean as a plain {@code avg}, by LA and period. */
    private static Dataset<Row> plainMean(Dataset<Row> obs, Dataset<Row> neighbours) {
        return neighbours.select("area_code", "neighbour_code")
                .join(obs.select("area_code", "breakdown", "period_start", "period_end", "value")
                        .withColumnRenamed("area_code", "neighbour_code"), "neighbour_code")
                .groupBy("area_code", "breakdown", "period_start", "period_end").avg("value");
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

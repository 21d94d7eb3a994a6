package org.sendscope.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.sendscope.analysis.Polarity;

/**
 * {@code sendscope spark comparisons}: the view {@code benchmark_comparison} for every measure,
 * area and period — each LA's value beside England, its region and the mean and median of its
 * statistical neighbours, the gaps, its rank among the LAs that existed at the period's end, LAIT's
 * quartile band, and the change on the previous period — from the Parquet export of
 * {@code analysis_observations}, {@code analysis_measures}, {@code areas},
 * {@code statistical_neighbours} and {@code loads} (a synthetic load's rows are never ranked).
 * Same definitions and columns as sql/views/170 (docs/decisions/0051).
 */
public final class ComparisonsJob implements SparkJob {
    /** The columns of a period of one series: what joins a comparator to a value. */
    static final List<String> PERIOD = List.of("measure", "breakdown", "period_kind", "period_start", "period_end");

    /** The output's name: the view its rows are shaped like. */
    public static final String OUTPUT = "benchmark_comparison";

    @Override
    public String name() {
        return "comparisons";
    }

    @Override
    public String description() {
        return "benchmark_comparison for every measure x area x period (England, region, neighbours, rank, quartile)";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put(OUTPUT, comparisons(args.read(spark, "analysis_observations"),
                args.read(spark, "analysis_measures"), args.read(spark, "areas"),
                args.read(spark, "statistical_neighbours"), syntheticLoads(args.read(spark, "loads"))));
        return out;
    }

    /** The loads of synthetic rows, which are shown but never ranked (docs/decisions/0126). */
    static List<Long> syntheticLoads(Dataset<Row> loads) {
        return loads.where(col("source_class").equalTo("synthetic")).select(col("load_id").cast("long"))
                .as(Encoders.LONG()).collectAsList();
    }

    /** benchmark_comparison from four of its inputs, with no synthetic load among them. */
    public static Dataset<Row> comparisons(Dataset<Row> obs, Dataset<Row> measures, Dataset<Row> areas,
            Dataset<Row> neighbours) {
        return comparisons(obs, measures, areas, neighbours, List.of());
    }

    /**
     * benchmark_comparison from its inputs (each with the columns of its public view) and the
     * synthetic loads. The LAs' rows are shuffled once, by measure, breakdown and kind of period,
     * which their series (the previous period) and their periods (the rank, the count ranked and
     * the quartile cut points, windows over one partition) share; England's and the regions'
     * values, the catalogue and the neighbours' values are broadcast (docs/decisions/0212, 0213).
     */
    public static Dataset<Row> comparisons(Dataset<Row> obs, Dataset<Row> measures, Dataset<Row> areas,
            Dataset<Row> neighbours, List<Long> syntheticLoads) {
        Dataset<Row> m = measures.select(col("measure"), col("unit"),
                AnalysisRules.polarityOrNeutral(col("polarity")).as("polarity"), col("comparable_with"),
                lit(true).as("catalogued"));

        Dataset<Row> a = areas.select(col("area_code").as("a_code"), col("region_code"), col("valid_from"), col("valid_to"));
        Column existed = col("valid_from").isNull().or(col("valid_from").leq(col("period_end")))
                .and(col("valid_to").isNull().or(col("valid_to").geq(col("period_end"))));
        Column real = syntheticLoads.isEmpty() ? lit(true)
                : coalesce(col("load_id").isin(syntheticLoads.toArray()).unary_$bang(), lit(true));
        Dataset<Row> laRows = obs.where(col("level").equalTo("local_authority").and(col("area_code").startsWith("SN:").unary_$bang()));
        Dataset<Row> la = laRows
                .join(broadcast(a), col("area_code").equalTo(col("a_code")), "left")
                .join(broadcast(m), new String[] {"measure"}, "left")
                // ranked: a value, a measure in the catalogue, the LA existed at the period's end, and it is real
                .withColumn("in_pool", col("value").isNotNull().and(coalesce(col("catalogued"), lit(false)))
                        .and(existed).and(real))
                .drop("a_code", "valid_from", "valid_to", "catalogued")
                // the one shuffle: a series and a period share their measure, breakdown and kind of
                // period, so both windows below, and the neighbours' values, find their rows together
                .repartition(col("measure"), col("breakdown"), col("period_kind"));

        Dataset<Row> s = PreviousPeriod.add(la, "prev_value", "prev_label", "prev_start");

        // Rank: the pool's rows first, best first, so that each one's rank counts the pool only.
        // Type-7 quartiles (Spark's exact percentile interpolates as DuckDB's quantile_cont does).
        // One window: the count and the cut points take the whole period as their frame, in the
        // rank's order, so that Spark sorts and copies the rows once for all three.
        WindowSpec ordered = Window.partitionBy(cols(PERIOD)).orderBy(col("in_pool").desc(),
                when(col("polarity").equalTo(Polarity.LOWER_IS_BETTER.code()), col("value"))
                        .otherwise(col("value").unary_$minus()));
        WindowSpec period = ordered.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        Column pooled = when(col("in_pool"), col("value").cast("double"));
        Map<String, Column> windowed = new LinkedHashMap<>();
        windowed.put("pool_rank", rank().over(ordered));
        windowed.put("n_pool", count(pooled).over(period));
        windowed.put("cuts", percentile(pooled, array(lit(0.25), lit(0.5), lit(0.75))).over(period));
        Dataset<Row> ranked = s.withColumns(windowed)
                .withColumn("rank", when(col("in_pool"), col("pool_rank").cast("long")))
                .withColumn("n_ranked", when(col("n_pool").gt(0), col("n_pool")))
                .withColumn("q1", element_at(col("cuts"), 1)).withColumn("q2", element_at(col("cuts"), 2))
                .withColumn("q3", element_at(col("cuts"), 3))
                .drop("pool_rank", "n_pool", "cuts");

        Dataset<Row> england = comparator(obs.where(col("level").equalTo("england")), "england")
                .drop("area_code");
        // a region's code is never an LA's: the LAs' own rows can be left out of what is broadcast
        Dataset<Row> region = comparator(obs.where(col("level").notEqual("local_authority")), "region")
                .withColumnRenamed("area_code", "region_code");

        Dataset<Row> joined = ranked
                .join(broadcast(england), names(PERIOD), "left")
                .join(broadcast(region), names(List.of("region_code", "measure", "breakdown", "period_kind", "period_start", "period_end")), "left");
        // the neighbours' values from the LAs' rows as published, before the joins they do not need
        joined = NeighbourValues.beside(joined, laRows, neighbours);

        Column consecutive = AnalysisRules.consecutive(col("period_kind"), col("prev_start"), col("period_start"));
        return joined.select(col("measure"), col("area_code"), col("area_name"), col("breakdown"), col("period_kind"),
                col("period_label"), col("period_start"), col("period_end"), col("value"), col("status"), col("unit"),
                col("polarity"), col("england"), col("region"), col("region_code"), col("sn_mean"), col("sn_median"),
                coalesce(col("sn_n"), lit(0L)).as("sn_n"),
                col("value").minus(col("england")).as("gap_england"),
                col("value").minus(col("region")).as("gap_region"),
                col("value").minus(col("sn_mean")).as("gap_sn_mean"),
                col("value").minus(col("sn_median")).as("gap_sn_median"),
                col("rank"), col("n_ranked"),
                when(col("rank").isNotNull(), AnalysisRules.quartileBand(col("value"), col("q1"), col("q2"), col("q3"),
                        col("polarity"))).as("quartile"),
                col("q1"), col("q2"), col("q3"),
                when(col("polarity").equalTo(Polarity.NEUTRAL.code()), "highest first").otherwise("best first").as("ranked_by"),
                when(consecutive, col("prev_label")).as("previous_label"),
                when(consecutive, col("value").minus(col("prev_value"))).as("change_previous"),
                when(consecutive, AnalysisRules.directionOfTravel(col("prev_value"), col("value"), col("polarity"),
                        col("unit"))).as("direction_of_travel"),
                col("comparable_with"), col("source"), col("vintage"), col("load_id"));
    }

    /** One comparator's values ({@code england} or {@code region}) by area and period. */
    private static Dataset<Row> comparator(Dataset<Row> obs, String name) {
        return obs.select(col("area_code"), col("measure"), col("breakdown"), col("period_kind"), col("period_start"),
                col("period_end"), col("value").as(name));
    }

    static Column[] cols(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    static String[] names(List<String> names) {
        return names.toArray(String[]::new);
    }
}

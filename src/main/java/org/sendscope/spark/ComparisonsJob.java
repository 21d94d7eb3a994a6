package org.sendscope.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
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
 * {@code analysis_observations}, {@code analysis_measures}, {@code areas} and
 * {@code statistical_neighbours}. Same definitions and columns as sql/views/170 (docs/decisions/0051).
 */
public final class ComparisonsJob implements SparkJob {
    /** The columns of a period of one series: what joins a comparator to a value. */
    static final List<String> PERIOD = List.of("measure", "breakdown", "period_kind", "period_start", "period_end");

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
        out.put("benchmark_comparison", comparisons(args.read(spark, "analysis_observations"),
                args.read(spark, "analysis_measures"), args.read(spark, "areas"),
                args.read(spark, "statistical_neighbours")));
        return out;
    }

    /** benchmark_comparison from its four inputs (each with the columns of its public view). */
    public static Dataset<Row> comparisons(Dataset<Row> obs, Dataset<Row> measures, Dataset<Row> areas,
            Dataset<Row> neighbours) {
        Dataset<Row> m = measures.select(col("measure"), col("unit"),
                AnalysisRules.polarityOrNeutral(col("polarity")).as("polarity"), col("comparable_with"));

        Dataset<Row> a = areas.select(col("area_code").as("a_code"), col("region_code"), col("valid_from"), col("valid_to"));
        Dataset<Row> la = obs.where(col("level").equalTo("local_authority").and(col("area_code").startsWith("SN:").unary_$bang()))
                .join(a, col("area_code").equalTo(col("a_code")), "left")
                .withColumn("existed", col("valid_from").isNull().or(col("valid_from").leq(col("period_end")))
                        .and(col("valid_to").isNull().or(col("valid_to").geq(col("period_end")))))
                .drop("a_code", "valid_from", "valid_to");

        // The LAs that are ranked: a value, and the LA existed at the period's end.
        Dataset<Row> pool = la.join(m.select("measure", "polarity"), "measure")
                .where(col("value").isNotNull().and(col("existed")));
        WindowSpec byPeriod = Window.partitionBy(cols(PERIOD))
                .orderBy(when(col("polarity").equalTo(Polarity.LOWER_IS_BETTER.code()), col("value"))
                        .otherwise(col("value").unary_$minus()));
        Dataset<Row> ranked = pool.select(col("area_code"), col("measure"), col("breakdown"), col("period_kind"),
                col("period_start"), col("period_end"), rank().over(byPeriod).cast("long").as("rank"));
        // Type-7 quartiles (Spark's exact percentile interpolates as DuckDB's quantile_cont does).
        Dataset<Row> cuts = pool.groupBy(cols(PERIOD))
                .agg(expr("percentile(CAST(value AS DOUBLE), 0.25)").as("q1"),
                        expr("percentile(CAST(value AS DOUBLE), 0.5)").as("q2"),
                        expr("percentile(CAST(value AS DOUBLE), 0.75)").as("q3"), count(lit(1)).as("n_ranked"));

        Dataset<Row> sn = broadcast(neighbours.select(col("area_code"), col("neighbour_code")))
                .join(obs.select(col("area_code").as("n_code"), col("measure"), col("breakdown"), col("period_kind"),
                        col("period_start"), col("period_end"), col("value")), col("neighbour_code").equalTo(col("n_code")))
                .groupBy(col("area_code"), col("measure"), col("breakdown"), col("period_kind"), col("period_start"),
                        col("period_end"))
                .agg(NeighbourValues.sorted(col("value")).as("sn_values"))
                .select(col("area_code"), col("measure"), col("breakdown"), col("period_kind"), col("period_start"),
                        col("period_end"), NeighbourValues.mean(col("sn_values")).as("sn_mean"),
                        NeighbourValues.median(col("sn_values")).as("sn_median"),
                        NeighbourValues.count(col("sn_values")).as("sn_n"));

        Dataset<Row> s = PreviousPeriod.add(la, "prev_value", "prev_label", "prev_start");

        Dataset<Row> england = comparator(obs.where(col("level").equalTo("england")), "england")
                .drop("area_code");
        // a region's code is never an LA's: the LAs' own rows can be left out of what is broadcast
        Dataset<Row> region = comparator(obs.where(col("level").notEqual("local_authority")), "region")
                .withColumnRenamed("area_code", "region_code");

        // The catalogue, England's and the regions' values and the cut points are small: each is sent
        // whole to every task rather than shuffled beside the LAs' rows (Spark cannot tell from a
        // filtered Parquet read how small they are).
        Dataset<Row> joined = s.join(broadcast(m), new String[] {"measure"}, "left")
                .join(broadcast(england), names(PERIOD), "left")
                .join(broadcast(region), names(List.of("region_code", "measure", "breakdown", "period_kind", "period_start", "period_end")), "left")
                .join(sn, names(List.of("area_code", "measure", "breakdown", "period_kind", "period_start", "period_end")), "left")
                .join(ranked, names(List.of("area_code", "measure", "breakdown", "period_kind", "period_start", "period_end")), "left")
                .join(broadcast(cuts), names(PERIOD), "left");

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

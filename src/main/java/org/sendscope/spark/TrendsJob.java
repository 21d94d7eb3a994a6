package org.sendscope.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.sendscope.analysis.Polarity;

/**
 * {@code sendscope spark trends}: the view {@code kpi_trend} — every published value of every
 * measure, area and breakdown with its change on the previous period (only when that period comes
 * straight before), its change on the baseline, its direction of travel against the measure's
 * polarity or the KPI's required direction, and its RAG rating against the target covering the
 * period — from the Parquet export of {@code analysis_observations}, {@code analysis_measures} and
 * {@code kpi_targets}. Same rules and columns as sql/views/160 (docs/decisions/0050).
 */
public final class TrendsJob implements SparkJob {
    @Override
    public String name() {
        return "trends";
    }

    @Override
    public String description() {
        return "kpi_trend: change on the previous period and the baseline, direction of travel, RAG against target";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put("kpi_trend", trends(args.read(spark, "analysis_observations"), args.read(spark, "analysis_measures"),
                args.read(spark, "kpi_targets")));
        return out;
    }

    /** kpi_trend from its three inputs (each with the columns of its public view). */
    public static Dataset<Row> trends(Dataset<Row> obs, Dataset<Row> measures, Dataset<Row> targets) {
        Dataset<Row> m = measures.select(col("measure"), col("unit"), col("title"),
                AnalysisRules.polarityOrNeutral(col("polarity")).as("catalogue_polarity"));
        WindowSpec all = PreviousPeriod.series().rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        Dataset<Row> s = PreviousPeriod.add(obs.join(m, new String[] {"measure"}, "left")
                        .withColumn("catalogue_polarity", AnalysisRules.polarityOrNeutral(col("catalogue_polarity"))),
                        "previous_value", "previous_label_", "previous_start")
                .withColumn("baseline_label", first(when(col("value").isNotNull(), col("period_label")), true).over(all))
                .withColumn("baseline_value", first(col("value"), true).over(all));

        // The target and required direction stated for a span covering the period (the latest span wins).
        Column since = coalesce(col("valid_from"), to_date(lit("1900-01-01")));
        Dataset<Row> t = targets.select(col("measure").as("t_measure"), col("area_code").as("t_area"), col("target"),
                col("direction").as("t_direction"), col("valid_from"), col("valid_to"), col("vintage").as("t_vintage"));
        Dataset<Row> covering = s.where(col("breakdown").equalTo("total"))
                .select("measure", "area_code", "period_kind", "period_start", "period_end")
                .join(t, col("t_measure").equalTo(col("measure")).and(col("t_area").equalTo(col("area_code")))
                        .and(col("valid_from").isNull().or(col("valid_from").leq(col("period_end"))))
                        .and(col("valid_to").isNull().or(col("valid_to").geq(col("period_start")))))
                .groupBy("measure", "area_code", "period_kind", "period_start", "period_end")
                .agg(max(when(col("target").isNotNull(), struct(since.as("k1"), col("t_vintage").as("k2"),
                                col("target").as("v")))).getField("v").as("target"),
                        max(when(col("t_direction").isNotNull(), struct(since.as("k1"), col("t_vintage").as("k2"),
                                col("t_direction").as("v")))).getField("v").as("required_direction"))
                .withColumn("c_total", lit("total"));

        // renamed: covering is computed from s, and Spark cannot tell a self-join's sides apart by name
        Dataset<Row> cov = covering.select(col("measure").as("c_measure"), col("area_code").as("c_area"),
                col("period_kind").as("c_kind"), col("period_start").as("c_start"), col("period_end").as("c_end"),
                col("c_total"), col("target"), col("required_direction"));
        Dataset<Row> judged = s.join(cov, col("measure").equalTo(col("c_measure"))
                        .and(col("area_code").equalTo(col("c_area"))).and(col("breakdown").equalTo(col("c_total")))
                        .and(col("period_kind").equalTo(col("c_kind"))).and(col("period_start").equalTo(col("c_start")))
                        .and(col("period_end").equalTo(col("c_end"))), "left")
                .drop("c_measure", "c_area", "c_total", "c_kind", "c_start", "c_end");
        judged = judged
                .withColumn("polarity", when(col("required_direction").equalTo("up"), Polarity.HIGHER_IS_BETTER.code())
                        .when(col("required_direction").equalTo("down"), Polarity.LOWER_IS_BETTER.code())
                        .otherwise(col("catalogue_polarity")))
                .withColumn("consecutive", AnalysisRules.consecutive(col("period_kind"), col("previous_start"),
                        col("period_start")));

        Column c = col("consecutive");
        return judged.select(col("measure"), col("title"), col("area_code"), col("area_name"), col("level"),
                col("breakdown"), col("period_kind"), col("period_label"), col("period_start"), col("period_end"),
                col("value"), col("status"), col("unit"), col("polarity"), col("required_direction"),
                when(c, col("previous_label_")).as("previous_label"),
                when(c, col("previous_value")).as("previous_value"),
                when(c, col("value").minus(col("previous_value"))).as("change_previous"),
                when(c, AnalysisRules.directionOfTravel(col("previous_value"), col("value"), col("polarity"), col("unit")))
                        .as("direction_of_travel"),
                col("baseline_label"), col("baseline_value"),
                col("value").minus(col("baseline_value")).as("change_baseline"),
                AnalysisRules.directionOfTravel(col("baseline_value"), col("value"), col("polarity"), col("unit"))
                        .as("direction_of_travel_baseline"),
                col("target"),
                AnalysisRules.rag(col("value"), col("target"), col("polarity"), col("unit")).as("rag"),
                AnalysisRules.meetsTarget(col("value"), col("target"), col("polarity")).as("meets_target"),
                col("source"), col("vintage"), col("load_id"));
    }
}

package org.sendscope.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sendscope.forecast.AreaHistory;
import org.sendscope.forecast.ForecastModel;
import org.sendscope.forecast.IntervalCalibrator;
import org.sendscope.forecast.ModelForecast;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PanelInputs;
import org.sendscope.forecast.RollingOrigins;

/**
 * The all-LA EHC plan backtest as a Spark job: a function from the input Datasets to the backtest
 * table, the same figures as {@code sendscope backtest ehcp} on one machine. Stage one fits every
 * model at each origin in parallel (one task per origin; each task sees only its origin's cut of
 * the panel, broadcast to it); stage two is relational — errors joined to actuals, interval
 * quantiles per model, origin and horizon from the errors of earlier origins, the auto choice, and
 * the scores. The session is handed in; the job keeps no state. One difference from the
 * single-machine engine: a horizon with fewer than {@link IntervalCalibrator#MIN_ERRORS} past errors
 * gets no interval here (and is not scored) instead of the shorter horizon's widened one; on the
 * SEN2 releases every origin from 2016 has enough.
 */
public final class EhcpBacktestJob {
    /** Columns of stage one: one model's point forecast for one area, origin and horizon. */
    static final StructType FORECASTS = new StructType()
            .add("model", DataTypes.StringType).add("origin", DataTypes.IntegerType)
            .add("area_code", DataTypes.StringType).add("horizon", DataTypes.IntegerType)
            .add("target", DataTypes.IntegerType).add("point", DataTypes.DoubleType)
            .add("scale", DataTypes.DoubleType);

    private EhcpBacktestJob() {
    }

    /**
     * The backtest table (model, horizon, n, mape, wape, bias, cov80, cov95, pinball) for origins
     * {@code from..to}, horizons 1..{@code horizon}, all models and auto.
     */
    public static Dataset<Row> run(SparkSession spark, EhcpInputs inputs, int from, int to, int horizon,
            int simulations) {
        PanelInputs collected = inputs.collect();
        Panel full = collected.panel();
        int firstOrigin = full.firstStockYear() + 2;
        Broadcast<PanelInputs> panel = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(collected);

        List<Integer> origins = new ArrayList<>();
        for (int o = firstOrigin; o <= to; o++) origins.add(o);
        Dataset<Row> forecasts = spark.createDataset(origins, Encoders.INT()).repartition(origins.size())
                .flatMap((FlatMapFunction<Integer, Row>) origin -> fit(panel.value(), origin, horizon, simulations)
                        .iterator(), Encoders.row(FORECASTS));

        Dataset<Row> actuals = inputs.series()
                .where("measure = 'ehc_plans' AND breakdown = 'total' AND value > 0")
                .select(col("area_code").as("a_area"), col("year").as("a_year"), col("value").as("actual"));
        Dataset<Row> scored = forecasts.join(actuals, col("area_code").equalTo(col("a_area"))
                        .and(col("target").equalTo(col("a_year"))))
                .drop("a_area", "a_year")
                .withColumn("log_err", log(col("actual").divide(col("point"))))
                .withColumn("abs_scaled", abs(col("log_err").divide(col("scale"))))
                .cache();

        // Interval quantiles and past mean absolute error, per model, evaluation origin and horizon,
        // from errors whose target is no later than the evaluation origin.
        List<Integer> evalOrigins = new ArrayList<>();
        for (int o = from; o <= to; o++) evalOrigins.add(o);
        Dataset<Row> eval = spark.createDataset(evalOrigins, Encoders.INT()).toDF("at");
        // auto weighs each past error by RollingOrigins.recencyWeight: 0.5^((at - target) / half-life).
        Column weight = org.apache.spark.sql.functions.pow(lit(0.5), col("at").minus(col("origin").plus(col("horizon")))
                .divide(lit(RollingOrigins.AUTO_HALF_LIFE_YEARS)));
        Dataset<Row> pools = eval.crossJoin(scored.select("model", "origin", "horizon", "log_err", "abs_scaled"))
                .where(col("origin").plus(col("horizon")).leq(col("at")))
                // The calibration window: the last WINDOW origins whose target is no later than `at`.
                .where(lit(RollingOrigins.DEFAULT_WINDOW).leq(0).or(col("origin").geq(col("at").minus(col("horizon"))
                        .minus(RollingOrigins.DEFAULT_WINDOW).plus(1))))
                .withColumn("w", weight)
                .groupBy("model", "at", "horizon")
                .agg(count(lit(1)).as("errors"), expr("percentile(abs_scaled, 0.8)").as("q80"),
                        expr("percentile(abs_scaled, 0.95)").as("q95"),
                        sum(col("w").multiply(abs(col("log_err")))).divide(sum(col("w"))).as("past_mae"))
                .where(col("errors").geq(IntervalCalibrator.MIN_ERRORS));

        Dataset<Row> withIntervals = scored.where(col("origin").between(from, to).and(col("horizon").leq(horizon)))
                .join(pools.withColumnRenamed("model", "p_model").withColumnRenamed("horizon", "p_h"),
                        col("model").equalTo(col("p_model")).and(col("origin").equalTo(col("at")))
                                .and(col("horizon").equalTo(col("p_h"))))
                .withColumn("lo95", col("point").multiply(exp(col("q95").multiply(col("scale")).multiply(-1))))
                .withColumn("lo80", col("point").multiply(exp(col("q80").multiply(col("scale")).multiply(-1))))
                .withColumn("hi80", col("point").multiply(exp(col("q80").multiply(col("scale")))))
                .withColumn("hi95", col("point").multiply(exp(col("q95").multiply(col("scale")))))
                .select("model", "origin", "area_code", "horizon", "point", "actual", "lo95", "lo80", "hi80", "hi95");

        // auto: at each origin and horizon, the candidate with the smallest past mean absolute log error.
        List<String> candidates = Models.candidates(Models.all(1));
        Column isCandidate = col("model").isin(candidates.toArray());
        Column rank = lit(candidates.size());
        for (int i = candidates.size() - 1; i >= 0; i--) rank = when(col("model").equalTo(candidates.get(i)), i).otherwise(rank);
        // Ties (a model that fell back to another) go to the first candidate, as on one machine.
        Dataset<Row> choice = pools.where(isCandidate)
                .withColumn("mae12", expr("round(past_mae, 12)")).withColumn("rank", rank)
                .groupBy("at", "horizon")
                .agg(expr("min_by(model, struct(mae12, rank))").as("chosen"))
                .withColumnRenamed("horizon", "c_h");
        Dataset<Row> auto = withIntervals.join(choice, col("origin").equalTo(col("at"))
                        .and(col("horizon").equalTo(col("c_h"))).and(col("model").equalTo(col("chosen"))))
                .select(columns(withIntervals.columns()))
                .withColumn("model", lit(Models.AUTO));
        Dataset<Row> all = withIntervals.unionByName(auto);

        // Only forecasts every model made are scored.
        long models = Models.all(1).size() + 1;
        Dataset<Row> common = all.groupBy("origin", "area_code", "horizon").agg(countDistinct("model").as("models"))
                .where(col("models").equalTo(models))
                .withColumnRenamed("origin", "k_origin").withColumnRenamed("area_code", "k_area")
                .withColumnRenamed("horizon", "k_h");
        Dataset<Row> kept = all.join(common, col("origin").equalTo(col("k_origin"))
                .and(col("area_code").equalTo(col("k_area"))).and(col("horizon").equalTo(col("k_h"))));

        Column err = col("point").minus(col("actual"));
        Column y = col("actual");
        Column pinball = pinball(col("lo95"), 0.025, y).plus(pinball(col("lo80"), 0.10, y))
                .plus(pinball(col("point"), 0.50, y)).plus(pinball(col("hi80"), 0.90, y))
                .plus(pinball(col("hi95"), 0.975, y)).divide(5).divide(y);
        return kept.groupBy("model", "horizon")
                .agg(count(lit(1)).as("n"),
                        avg(abs(err).divide(y)).multiply(100).as("mape"),
                        sum(abs(err)).divide(sum(y)).multiply(100).as("wape"),
                        avg(err.divide(y)).multiply(100).as("bias"),
                        avg(when(y.geq(col("lo80")).and(y.leq(col("hi80"))), 1.0).otherwise(0.0)).multiply(100).as("cov80"),
                        avg(when(y.geq(col("lo95")).and(y.leq(col("hi95"))), 1.0).otherwise(0.0)).multiply(100).as("cov95"),
                        avg(pinball).multiply(100).as("pinball"))
                .orderBy("model", "horizon");
    }

    private static Column[] columns(String[] names) {
        Column[] c = new Column[names.length];
        for (int i = 0; i < names.length; i++) c[i] = col(names[i]);
        return c;
    }

    private static Column pinball(Column q, double level, Column y) {
        Column d = y.minus(q);
        return org.apache.spark.sql.functions.greatest(d.multiply(level), d.multiply(level - 1));
    }

    /** Stage one for one origin: every model, every LA reporting that January. */
    static List<Row> fit(PanelInputs inputs, int origin, int horizon, int simulations) {
        Panel p = inputs.panel().asOf(origin);
        Map<String, ForecastModel> models = Models.all(simulations);
        List<Row> out = new ArrayList<>();
        List<AreaHistory> areas = p.forecastable();
        for (Map.Entry<String, ForecastModel> m : models.entrySet()) {
            for (AreaHistory a : areas) {
                ModelForecast f = m.getValue().forecast(a, p, horizon);
                if (f == null) continue;
                for (int h = 1; h <= horizon; h++) {
                    out.add(RowFactory.create(m.getKey(), origin, a.code(), h, origin + h, f.point()[h - 1],
                            f.logScale()[h - 1]));
                }
            }
        }
        return out;
    }
}

package org.sendscope.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
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
import org.sendscope.forecast.Calibration;
import org.sendscope.forecast.ForecastModel;
import org.sendscope.forecast.IntervalCalibrator;
import org.sendscope.forecast.ModelForecast;
import org.sendscope.forecast.Models;
import org.sendscope.forecast.Panel;
import org.sendscope.forecast.PanelInputs;
import org.sendscope.forecast.RollingOrigins;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The all-LA EHC plan backtest as a Spark job: a function from the input Datasets to the backtest
 * table, the same figures as {@code sendscope backtest ehcp} on one machine. Stage one fits every
 * model at each origin in parallel (one task per origin; each task sees only its origin's cut of
 * the panel, broadcast to it); stage two joins errors to actuals, hands each model's errors (one
 * group per model) to the {@link Calibration} the single-machine engine uses — interval quantiles
 * and the weighted past errors auto chooses by, at every evaluation origin — collects those few
 * hundred summaries to choose auto with {@link Calibration#autoChoice}, and scores relationally.
 * The session is handed in; the job keeps no state (docs/decisions/0177).
 */
public final class EhcpBacktestJob {
    /** Columns of stage one: one model's point forecast for one area, origin and horizon. */
    static final StructType FORECASTS = new StructType()
            .add("model", DataTypes.StringType).add("origin", DataTypes.IntegerType)
            .add("area_code", DataTypes.StringType).add("horizon", DataTypes.IntegerType)
            .add("target", DataTypes.IntegerType).add("point", DataTypes.DoubleType)
            .add("scale", DataTypes.DoubleType);

    /** One model's calibration at one evaluation origin: quantiles (lo95, lo80, hi80, hi95 per horizon, NaN where none), error counts, weighted past errors. */
    static final StructType CALIBRATION = new StructType()
            .add("model", DataTypes.StringType).add("at", DataTypes.IntegerType)
            .add("quantiles", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("errors", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("weighted_mae", DataTypes.createArrayType(DataTypes.DoubleType));
    private static final StructType QUANTILES = new StructType()
            .add("model", DataTypes.StringType).add("at", DataTypes.IntegerType).add("horizon", DataTypes.IntegerType)
            .add("q80", DataTypes.DoubleType).add("q95", DataTypes.DoubleType);
    private static final StructType CHOICES = new StructType()
            .add("at", DataTypes.IntegerType).add("c_h", DataTypes.IntegerType).add("chosen", DataTypes.StringType);

    private EhcpBacktestJob() {
    }

    /**
     * One model's {@link Calibration} at every evaluation origin {@code from..to}, from its scored
     * rows (model, origin, horizon, point, actual, scale): one row per origin.
     */
    static List<Row> calibrate(String model, Iterator<Row> rows, int from, int to, int horizon, int firstOrigin,
            int window) {
        List<Calibration> byOrigin = new ArrayList<>();
        for (int at = from; at <= to; at++) byOrigin.add(new Calibration(at, firstOrigin, horizon, window));
        while (rows.hasNext()) {
            Row r = rows.next();
            for (Calibration c : byOrigin) c.add(model, r.getInt(1), r.getInt(2), r.getDouble(3), r.getDouble(4), r.getDouble(5));
        }
        List<Row> out = new ArrayList<>();
        for (int at = from; at <= to; at++) {
            Calibration.Summary s = byOrigin.get(at - from).summary(model);
            List<Double> qs = new ArrayList<>();
            List<Integer> n = new ArrayList<>();
            List<Double> mae = new ArrayList<>();
            for (int h = 0; h < horizon; h++) {
                for (int i = 0; i < IntervalCalibrator.LEVELS.length; i++) {
                    qs.add(s.quantiles()[h] == null ? Double.NaN : s.quantiles()[h][i]);
                }
                n.add(s.errors()[h]);
                mae.add(s.weightedMae()[h]);
            }
            out.add(RowFactory.create(model, at, CollectionConverters.asScala(qs).toSeq(),
                    CollectionConverters.asScala(n).toSeq(), CollectionConverters.asScala(mae).toSeq()));
        }
        return out;
    }

    /** The calibration rows back as summaries, per evaluation origin and model. */
    static Map<Integer, Map<String, Calibration.Summary>> summaries(List<Row> calibrated, int horizon) {
        Map<Integer, Map<String, Calibration.Summary>> out = new TreeMap<>();
        int levels = IntervalCalibrator.LEVELS.length;
        for (Row r : calibrated) {
            List<Double> q = r.getList(2);
            double[][] qs = new double[horizon][];
            for (int h = 0; h < horizon; h++) {
                if (Double.isNaN(q.get(h * levels))) continue;
                qs[h] = new double[levels];
                for (int i = 0; i < levels; i++) qs[h][i] = q.get(h * levels + i);
            }
            out.computeIfAbsent(r.getInt(1), k -> new HashMap<>()).put(r.getString(0), new Calibration.Summary(
                    r.getString(0), qs, r.<Integer>getList(3).stream().mapToInt(Integer::intValue).toArray(),
                    r.<Double>getList(4).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
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

        // Interval quantiles and past weighted errors, per model, evaluation origin and horizon: each
        // model's errors handed to the one Calibration (its window, weights and quantiles, 0172, 0176),
        // one group per model, so the rule has no second copy here.
        final int window = RollingOrigins.DEFAULT_WINDOW;
        List<Row> calibrated = scored.select("model", "origin", "horizon", "point", "actual", "scale")
                .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (m, rows) ->
                        calibrate(m, rows, from, to, horizon, firstOrigin, window).iterator(), Encoders.row(CALIBRATION))
                .collectAsList();
        // auto: at each origin and horizon, Calibration's choice among the candidates.
        List<String> candidates = Models.candidates(Models.all(1));
        Map<Integer, Map<String, Calibration.Summary>> summaries = summaries(calibrated, horizon);
        List<Row> choices = new ArrayList<>();
        List<Row> quantiles = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, Calibration.Summary>> e : summaries.entrySet()) {
            for (int h = 1; h <= horizon; h++) {
                choices.add(RowFactory.create(e.getKey(), h, Calibration.autoChoice(candidates, e.getValue(), h)));
                for (Calibration.Summary s : e.getValue().values()) {
                    double[] q = s.quantiles()[h - 1];
                    if (q != null) quantiles.add(RowFactory.create(s.model(), e.getKey(), h, q[2], q[3]));
                }
            }
        }
        Dataset<Row> pools = spark.createDataFrame(quantiles, QUANTILES);
        Dataset<Row> choice = spark.createDataFrame(choices, CHOICES);

        Dataset<Row> withIntervals = scored.where(col("origin").between(from, to).and(col("horizon").leq(horizon)))
                .join(pools.withColumnRenamed("model", "p_model").withColumnRenamed("horizon", "p_h"),
                        col("model").equalTo(col("p_model")).and(col("origin").equalTo(col("at")))
                                .and(col("horizon").equalTo(col("p_h"))))
                .withColumn("lo95", col("point").multiply(exp(col("q95").multiply(col("scale")).multiply(-1))))
                .withColumn("lo80", col("point").multiply(exp(col("q80").multiply(col("scale")).multiply(-1))))
                .withColumn("hi80", col("point").multiply(exp(col("q80").multiply(col("scale")))))
                .withColumn("hi95", col("point").multiply(exp(col("q95").multiply(col("scale")))))
                .select("model", "origin", "area_code", "horizon", "point", "actual", "lo95", "lo80", "hi80", "hi95");

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

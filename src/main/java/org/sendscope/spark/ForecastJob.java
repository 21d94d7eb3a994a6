package org.sendscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
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
import org.sendscope.forecast.SplitApportionment;

/**
 * {@code sendscope spark forecast}: EHC plans by January for every LA from one origin, with 80% and
 * 95% intervals, the same rows as {@code sendscope forecast ehcp --all --format csv}. Every LA is
 * fitted in parallel with the same model classes (one task per group of LAs and origins, the panel
 * broadcast to each), at the forecast origin and at every earlier one, whose out-of-sample errors
 * calibrate the intervals and choose {@code auto} through the same {@link Calibration} as
 * {@link RollingOrigins}: errors pooled per model and horizon across LAs from its window of recent
 * origins, the candidate with the smallest recency-weighted past mean absolute log error. Beyond a
 * split the predecessor's rows are its successors' by the same {@link SplitApportionment} as
 * {@code forecast ehcp}; the nowcast from an LA's own monthly counts is left to {@code forecast
 * ehcp --area} (docs/decisions/0176).
 */
public final class ForecastJob implements SparkJob {
    /** One model's forecast of one LA from one origin at one horizon, with what was then published. */
    static final StructType FITS = new StructType()
            .add("model", DataTypes.StringType).add("origin", DataTypes.IntegerType)
            .add("area_code", DataTypes.StringType).add("area_name", DataTypes.StringType)
            .add("horizon", DataTypes.IntegerType).add("point", DataTypes.DoubleType)
            .add("scale", DataTypes.DoubleType).add("actual", DataTypes.DoubleType)
            .add("parts", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType));
    /** The unrounded forecasts: one row per LA, target year and breakdown (total and its parts). */
    public static final StructType FORECASTS = new StructType()
            .add("area_code", DataTypes.StringType).add("area_name", DataTypes.StringType)
            .add("origin", DataTypes.IntegerType).add("target_year", DataTypes.IntegerType)
            .add("horizon", DataTypes.IntegerType).add("model", DataTypes.StringType)
            .add("selection", DataTypes.StringType).add("breakdown", DataTypes.StringType)
            .add("point", DataTypes.DoubleType).add("lo80", DataTypes.DoubleType).add("hi80", DataTypes.DoubleType)
            .add("lo95", DataTypes.DoubleType).add("hi95", DataTypes.DoubleType);
    static final StructType CALIBRATION = new StructType()
            .add("model", DataTypes.StringType)
            // lo95, lo80, hi80, hi95 of horizon 1, then of horizon 2, …; NaN where a horizon has none
            .add("quantiles", DataTypes.createArrayType(DataTypes.DoubleType))
            .add("errors", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("mae", DataTypes.createArrayType(DataTypes.DoubleType));

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public String description() {
        return "EHC plans for every LA from --origin (default the latest), --horizon 3, --model auto, 80%/95% intervals";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        EhcpInputs inputs = EhcpInputs.fromExport(spark, args);
        int horizon = args.integer("horizon", 3);
        if (horizon < 1 || horizon > 10) throw new JobException("--horizon must be 1 to 10 years, not " + horizon);
        String model = args.text("model", Models.AUTO);
        int simulations = args.integer("simulations", Models.DEFAULT_SIMULATIONS);
        if (!Models.AUTO.equals(model) && !Models.all(1).containsKey(model)) {
            throw new JobException("no model '" + model + "' (models: " + String.join(", ", Models.all(1).keySet())
                    + ", auto)");
        }
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        int origin = args.integer("origin", Integer.MIN_VALUE);
        Dataset<Row> f = forecasts(spark, inputs, origin, horizon, model, simulations);
        Panel full = inputs.collect().panel();
        f = apportioned(f, splits(spark, args, full.asOf(origin == Integer.MIN_VALUE ? full.lastStockYear() : origin)));
        // the columns and rounding of `sendscope forecast ehcp --format csv`
        out.put("forecasts", f.select(col("area_code"), col("area_name"), col("target_year"), col("model"),
                        col("breakdown"), expr("round(point)").as("point"), expr("round(lo80)").as("lo80"),
                        expr("round(hi80)").as("hi80"), expr("round(lo95)").as("lo95"), expr("round(hi95)").as("hi95"))
                .orderBy(col("area_code"), col("target_year"), expr("breakdown <> 'total'"), col("breakdown")));
        return out;
    }

    /**
     * Forecasts from January {@code origin} (Integer.MIN_VALUE: the latest January in the inputs)
     * for 1..{@code horizon} years, unrounded, one row per LA, target year and breakdown.
     */
    public static Dataset<Row> forecasts(SparkSession spark, EhcpInputs inputs, int origin, int horizon, String model,
            int simulations) {
        PanelInputs collected = inputs.collect();
        Panel full = collected.panel();
        if (full.areas().isEmpty() || full.lastStockYear() == Integer.MIN_VALUE) {
            throw new JobException("no EHC plan series (ehc_plans) in the input: export a warehouse with SEN2 loaded");
        }
        int o = origin == Integer.MIN_VALUE ? full.lastStockYear() : origin;
        int firstOrigin = full.firstStockYear() + 2;
        if (o < firstOrigin || o > full.lastStockYear()) {
            throw new JobException("--origin must be " + firstOrigin + " to " + full.lastStockYear() + ", not " + o);
        }

        // The tasks: every LA reporting at every origin up to the forecast's, spread over the cluster.
        List<Row> tasks = new ArrayList<>();
        for (int e = firstOrigin; e <= o; e++) {
            for (AreaHistory a : full.asOf(e).forecastable()) tasks.add(RowFactory.create(e, a.code()));
        }
        StructType taskType = new StructType().add("origin", DataTypes.IntegerType).add("area_code", DataTypes.StringType);
        int partitions = Math.max(1, Math.min(tasks.size(), spark.sparkContext().defaultParallelism() * 4));
        Broadcast<PanelInputs> panel = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(collected);
        final int forecastOrigin = o;
        Dataset<Row> fits = spark.createDataFrame(tasks, taskType).repartition(partitions)
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it ->
                        fit(panel.value(), it, horizon, simulations, forecastOrigin), Encoders.row(FITS))
                .cache();

        // Calibration: per model, the errors of forecasts whose target is no later than the origin,
        // fed to the one Calibration the single-machine engine uses (its window and weights, 0172, 0176).
        final int window = RollingOrigins.DEFAULT_WINDOW;
        List<Row> calibration = fits.where(col("origin").plus(col("horizon")).leq(o))
                .groupByKey((org.apache.spark.api.java.function.MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) (m, rows) ->
                        calibrate(m, rows, horizon, forecastOrigin, firstOrigin, window), Encoders.row(CALIBRATION))
                .collectAsList();
        Map<String, double[][]> quantiles = new HashMap<>();
        Map<String, Calibration.Summary> summaries = new HashMap<>();
        for (Row r : calibration) {
            List<Double> q = r.getList(1);
            int levels = IntervalCalibrator.LEVELS.length;
            double[][] qs = new double[horizon][];
            for (int h = 0; h < horizon; h++) {
                if (Double.isNaN(q.get(h * levels))) continue;
                qs[h] = new double[levels];
                for (int i = 0; i < levels; i++) qs[h][i] = q.get(h * levels + i);
            }
            quantiles.put(r.getString(0), qs);
            summaries.put(r.getString(0), new Calibration.Summary(r.getString(0), qs,
                    r.<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray(),
                    r.<Double>getList(3).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        // The model at each horizon: the one given, or auto's choice.
        String[] chosen = new String[horizon];
        List<String> candidates = Models.candidates(Models.all(1));
        for (int h = 1; h <= horizon; h++) {
            chosen[h - 1] = Models.AUTO.equals(model) ? Calibration.autoChoice(candidates, summaries, h) : model;
        }
        final String selection = Models.AUTO.equals(model) ? "auto" : "given";

        return fits.where(col("origin").equalTo(o))
                .flatMap((FlatMapFunction<Row, Row>) r -> withIntervals(r, chosen, quantiles, selection).iterator(),
                        Encoders.row(FORECASTS));
    }

    /**
     * The splits as {@code forecast ehcp} reads them (docs/decisions/0175), from the export: each
     * predecessor with two or more successors in {@code area_successions}, the successors' names and
     * first days from {@code areas}, their {@code dsg_allocation} from {@code observations}.
     */
    static List<SplitApportionment.Split> splits(SparkSession spark, JobArgs args, Panel atOrigin) {
        Map<String, String> names = new HashMap<>();
        Map<String, java.time.LocalDate> from = new HashMap<>();
        for (Row r : args.read(spark, "areas").select("area_code", "name", "valid_from").collectAsList()) {
            names.put(r.getString(0), r.getString(1));
            if (!r.isNullAt(2)) from.put(r.getString(0), ((java.sql.Date) r.get(2)).toLocalDate());
        }
        Map<String, List<String>> successors = new java.util.TreeMap<>();
        for (Row r : args.read(spark, "area_successions").select("area_code", "successor_code").collectAsList()) {
            successors.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
        }
        List<SplitApportionment.Successor> rows = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : successors.entrySet()) {
            if (e.getValue().size() < 2) continue;
            for (String succ : new java.util.TreeSet<>(e.getValue())) {
                if (!from.containsKey(succ)) continue;
                rows.add(new SplitApportionment.Successor(e.getKey(), names.get(e.getKey()), succ, names.get(succ),
                        from.get(succ)));
            }
        }
        if (rows.isEmpty()) return List.of();
        Map<String, SplitApportionment.Allocation> allocations = new HashMap<>();
        for (Row r : args.read(spark, "observations")
                .where(col("measure").equalTo(SplitApportionment.SHARE_MEASURE).and(col("breakdown").equalTo("total"))
                        .and(col("period_kind").equalTo("financial_year")).and(col("value").isNotNull()))
                .select("area_code", "period_start", "value", "period_label").collectAsList()) {
            allocations.put(r.getString(0) + "|" + ((java.sql.Date) r.get(1)).toLocalDate(),
                    new SplitApportionment.Allocation(((Number) r.get(2)).doubleValue(), r.getString(3)));
        }
        return SplitApportionment.splits(rows, (code, day) -> allocations.get(code + "|" + day), atOrigin);
    }

    /** {@code forecasts} (FORECASTS rows) with a split predecessor's Januaries from the split on given to its successors. */
    static Dataset<Row> apportioned(Dataset<Row> forecasts, List<SplitApportionment.Split> splits) {
        if (splits.stream().allMatch(s -> s.shares().isEmpty())) return forecasts;
        return forecasts.flatMap((FlatMapFunction<Row, Row>) r -> {
            List<SplitApportionment.Share> shares = SplitApportionment.sharesFor(splits, r.getString(0), r.getInt(3));
            if (shares == null) return List.of(r).iterator();
            List<Row> out = new ArrayList<>();
            for (SplitApportionment.Share sh : shares) {
                Object[] v = new Object[r.length()];
                for (int i = 0; i < v.length; i++) v[i] = r.get(i);
                v[0] = sh.successorCode();
                v[1] = sh.successorName();
                for (int i = 8; i <= 12; i++) v[i] = r.isNullAt(i) ? null : r.getDouble(i) * sh.share();
                out.add(RowFactory.create(v));
            }
            return out.iterator();
        }, Encoders.row(FORECASTS));
    }

    /** Stage one for one partition: every model fitted for each (origin, LA) of the partition. */
    static Iterator<Row> fit(PanelInputs inputs, Iterator<Row> tasks, int horizon, int simulations, int forecastOrigin) {
        Panel full = inputs.panel();
        Map<Integer, Panel> asOf = new HashMap<>();
        Map<String, ForecastModel> models = Models.all(simulations);
        List<Row> out = new ArrayList<>();
        while (tasks.hasNext()) {
            Row t = tasks.next();
            int origin = t.getInt(0);
            Panel p = asOf.computeIfAbsent(origin, full::asOf);
            AreaHistory a = p.area(t.getString(1));
            AreaHistory known = full.area(a.code());
            String name = known == null ? a.code() : known.name();
            for (Map.Entry<String, ForecastModel> m : models.entrySet()) {
                ModelForecast f = m.getValue().forecast(a, p, horizon);
                if (f == null) continue;
                for (int h = 1; h <= horizon; h++) {
                    double actual = known == null ? Double.NaN : known.stock().get(origin + h);
                    Map<String, Double> parts = null;
                    if (origin == forecastOrigin) {
                        parts = new LinkedHashMap<>();
                        for (Map.Entry<String, double[]> b : f.breakdown().entrySet()) parts.put(b.getKey(), b.getValue()[h - 1]);
                    }
                    out.add(RowFactory.create(m.getKey(), origin, a.code(), name, h, f.point()[h - 1],
                            f.logScale()[h - 1], actual,
                            parts == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(parts)));
                }
            }
        }
        return out.iterator();
    }

    /**
     * One model's interval quantiles, error counts and weighted past errors per horizon, from its
     * fitted rows fed to a {@link Calibration} at {@code origin} (which keeps those that count).
     */
    static Row calibrate(String model, Iterator<Row> rows, int horizon, int origin, int firstOrigin, int window) {
        Calibration c = new Calibration(origin, firstOrigin, horizon, window);
        while (rows.hasNext()) {
            Row r = rows.next();
            c.add(model, r.getInt(1), r.getInt(4), r.getDouble(5), r.isNullAt(7) ? Double.NaN : r.getDouble(7),
                    r.getDouble(6));
        }
        Calibration.Summary s = c.summary(model);
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
        return RowFactory.create(model, scala.jdk.javaapi.CollectionConverters.asScala(qs).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(n).toSeq(),
                scala.jdk.javaapi.CollectionConverters.asScala(mae).toSeq());
    }

    /** The total and its parts for one fitted row at the forecast origin, if its model is the one chosen. */
    static List<Row> withIntervals(Row r, String[] chosen, Map<String, double[][]> quantiles, String selection) {
        String model = r.getString(0);
        int h = r.getInt(4);
        if (!model.equals(chosen[h - 1])) return List.of();
        double[][] qm = quantiles.get(model);
        double[] q = qm == null ? null : qm[h - 1];
        double p = r.getDouble(5);
        double s = r.getDouble(6);
        double lo95 = Double.NaN, lo80 = Double.NaN, hi80 = Double.NaN, hi95 = Double.NaN;
        if (q != null) {
            lo95 = p * Math.exp(q[0] * s);
            lo80 = p * Math.exp(q[1] * s);
            hi80 = p * Math.exp(q[2] * s);
            hi95 = p * Math.exp(q[3] * s);
        }
        int origin = r.getInt(1);
        List<Row> out = new ArrayList<>();
        out.add(row(r, origin, h, model, selection, "total", 1.0, p, lo80, hi80, lo95, hi95));
        Map<String, Double> parts = r.getJavaMap(8);
        if (parts != null) {
            for (Map.Entry<String, Double> part : new java.util.TreeMap<>(parts).entrySet()) {
                // as the forecast store writes a part: the total's figures times the part's share
                out.add(row(r, origin, h, model, selection, part.getKey(), part.getValue() / p, p, lo80, hi80, lo95, hi95));
            }
        }
        return out;
    }

    private static Row row(Row r, int origin, int h, String model, String selection, String breakdown, double share,
            double p, double lo80, double hi80, double lo95, double hi95) {
        return RowFactory.create(r.getString(2), r.getString(3), origin, origin + h, h, model, selection, breakdown,
                p * share, nan(lo80 * share), nan(hi80 * share), nan(lo95 * share), nan(hi95 * share));
    }

    /** NaN (no interval) as NULL, as the forecast store keeps it. */
    private static Double nan(double x) {
        return Double.isNaN(x) ? null : x;
    }
}

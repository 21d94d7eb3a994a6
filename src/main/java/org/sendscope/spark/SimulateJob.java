package org.sendscope.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sendscope.forecast.AreaHistory;
import org.sendscope.forecast.Panel;

/**
 * {@code sendscope spark simulate}: the Monte Carlo spread of every LA's EHC plans from January
 * {@code --origin} ({@link PlanSimulation}), {@code --simulations} per LA in {@code --batches}
 * batches, each batch a task seeded from {@code --seed}, the LA and the batch: the same answer on
 * one machine, a laptop's cores or a cluster, however the batches are shared out.
 */
public final class SimulateJob implements SparkJob {
    static final StructType TASKS = new StructType().add("area_code", DataTypes.StringType)
            .add("batch", DataTypes.IntegerType);
    static final StructType PATHS = new StructType().add("area_code", DataTypes.StringType)
            .add("target_year", DataTypes.IntegerType).add("plans", DataTypes.DoubleType);

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String description() {
        return "Monte Carlo of every LA's EHC plans: --simulations 1000 in --batches 10, seeded per batch (--seed 1)";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        int simulations = args.integer("simulations", 1000);
        int batches = args.integer("batches", 10);
        int horizon = args.integer("horizon", 3);
        if (simulations < 1 || batches < 1 || batches > simulations) {
            throw new JobException("--simulations must be at least 1 and --batches 1 to --simulations, not "
                    + simulations + " and " + batches);
        }
        if (horizon < 1 || horizon > 10) throw new JobException("--horizon must be 1 to 10 years, not " + horizon);
        Map<String, Dataset<Row>> out = new LinkedHashMap<>();
        out.put("simulations", simulate(spark, EhcpInputs.fromExport(spark, args), args.integer("origin", Integer.MIN_VALUE),
                horizon, simulations, batches, args.number("seed", 1), args.integer("partitions", 0)));
        return out;
    }

    /**
     * The spread per LA and target year: simulations, mean, and the 5th, 10th, 50th, 90th and 95th
     * percentiles (type 7, as {@link org.sendscope.analysis.Quantiles}). {@code partitions} 0 lets
     * the session choose how many tasks share the batches.
     */
    public static Dataset<Row> simulate(SparkSession spark, EhcpInputs inputs, int origin, int horizon, int simulations,
            int batches, long seed, int partitions) {
        Panel full = inputs.collect().panel();
        if (full.areas().isEmpty() || full.lastStockYear() == Integer.MIN_VALUE) {
            throw new JobException("no EHC plan series (ehc_plans) in the input: export a warehouse with SEN2 loaded");
        }
        int o = origin == Integer.MIN_VALUE ? full.lastStockYear() : origin;
        if (o < full.firstStockYear() + 2 || o > full.lastStockYear()) {
            throw new JobException("--origin must be " + (full.firstStockYear() + 2) + " to " + full.lastStockYear()
                    + ", not " + o);
        }
        Map<String, PlanSimulation> sims = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<Row> tasks = new ArrayList<>();
        for (AreaHistory a : full.asOf(o).forecastable()) {
            PlanSimulation s = PlanSimulation.of(a, o);
            if (s == null) continue;
            sims.put(a.code(), s);
            names.put(a.code(), a.name());
            for (int b = 0; b < batches; b++) tasks.add(RowFactory.create(a.code(), b));
        }
        int n = partitions > 0 ? partitions : Math.max(1, Math.min(tasks.size(), spark.sparkContext().defaultParallelism() * 4));
        Broadcast<Map<String, PlanSimulation>> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(sims);
        Dataset<Row> paths = spark.createDataFrame(tasks, TASKS).repartition(n)
                .flatMap((FlatMapFunction<Row, Row>) t -> {
                    String area = t.getString(0);
                    int b = t.getInt(1);
                    double[][] p = bc.value().get(area).batch(PlanSimulation.seed(seed, area, b),
                            PlanSimulation.batchSize(simulations, batches, b), horizon);
                    List<Row> rows = new ArrayList<>(p.length * horizon);
                    for (double[] path : p) {
                        for (int h = 0; h < horizon; h++) rows.add(RowFactory.create(area, o + h + 1, path[h]));
                    }
                    return rows.iterator();
                }, Encoders.row(PATHS));
        List<Row> nameRows = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) nameRows.add(RowFactory.create(e.getKey(), e.getValue()));
        Dataset<Row> areaNames = spark.createDataFrame(nameRows,
                new StructType().add("area_code", DataTypes.StringType).add("area_name", DataTypes.StringType));
        return paths.groupBy("area_code", "target_year")
                .agg(count(lit(1)).as("simulations"), avg("plans").as("mean"),
                        expr("percentile(plans, array(0.05, 0.10, 0.50, 0.90, 0.95))").as("q"))
                .join(areaNames, "area_code")
                .select(col("area_code"), col("area_name"), lit(o).as("origin"), col("target_year"), col("simulations"),
                        col("mean"), col("q").getItem(0).as("p05"), col("q").getItem(1).as("p10"),
                        col("q").getItem(2).as("p50"), col("q").getItem(3).as("p90"), col("q").getItem(4).as("p95"),
                        lit(seed).as("seed"), lit(batches).as("batches"));
    }
}

package org.sendscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code aggregate} job: person-level SEN2 records ({@code sendscope synth sen2}, or any data
 * set with the columns of {@link SynthSchema.RECORDS}) counted into the warehouse's
 * {@code observations} shape — measure, area, breakdown, period and value — one row per published
 * cell the records fill ({@link AggregateCells}). Only column expressions, no Java functions on the
 * executors, so a cluster runs it from Spark's own jars. {@code synthetic} is true where every
 * record counted was.
 *
 * <p>{@code sendscope spark aggregate --input DIR --output OUT}: {@code DIR} is what
 * {@code sendscope synth sen2 --out DIR} wrote (its {@code sen2_records/}); the one output is
 * {@code OUT/observations/}.
 */
public final class AggregateJob implements SparkJob {
    /** The columns of the output, in order. */
    public static final String[] COLUMNS = {"area_code", "measure", "breakdown", "period_kind", "period_label",
            "period_start", "period_end", "value", "status", "synthetic"};

    /** The output's name: the warehouse table its rows are shaped like. */
    public static final String OUTPUT = "observations";

    @Override
    public String name() {
        return "aggregate";
    }

    @Override
    public String description() {
        return "person-level SEN2 records (sendscope synth sen2) counted into observations";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        return Map.of(OUTPUT, aggregate(args.read(spark, SynthRecords.DATASET)));
    }

    /** The published cells the records fill, counted. */
    public static Dataset<Row> aggregate(Dataset<Row> records) {
        return records.select(col("record"), col("area_code"), col("year"), col("synthetic"),
                        expr("explode(" + AggregateCells.sparkArray() + ")").as("cell"))
                .where("cell.measure IS NOT NULL")
                .groupBy(col("record"), col("area_code"), col("year"), col("cell.measure").as("measure"),
                        col("cell.breakdown").as("breakdown"))
                .agg(expr("count(*)").as("n"), expr("bool_and(synthetic)").as("synthetic"))
                .selectExpr(AggregateDuckDb.outputColumns());
    }
}

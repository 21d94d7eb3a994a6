package org.sendscope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code aggregate} job: person-level SEN2 records ({@code sendscope synth sen2}, or any data
 * set with the columns of {@link SynthSchema.RECORDS}) counted into the warehouse's
 * {@code observations} shape — measure, area, breakdown, period and value — one row per published
 * cell the records fill ({@link AggregateCells}). Only column expressions, no Java functions on the
 * executors, so a cluster runs it from Spark's own jars. {@code synthetic} is true where every
 * record counted was.
 */
public final class AggregateJob {
    /** The columns of the output, in order. */
    public static final String[] COLUMNS = {"area_code", "measure", "breakdown", "period_kind", "period_label",
            "period_start", "period_end", "value", "status", "synthetic"};

    private AggregateJob() {
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

package org.sendscope.spark;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code sendscope spark simulate} (being built: refuses to run until it is). */
public final class SimulateJob implements SparkJob {
    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String description() {
        return "(not built yet)";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        throw new JobException("spark simulate is not built yet");
    }
}

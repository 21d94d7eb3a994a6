package org.sendscope.spark;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code sendscope spark comparisons} (being built: refuses to run until it is). */
public final class ComparisonsJob implements SparkJob {
    @Override
    public String name() {
        return "comparisons";
    }

    @Override
    public String description() {
        return "(not built yet)";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        throw new JobException("spark comparisons is not built yet");
    }
}

package org.sendscope.spark;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code sendscope spark forecast} (being built: refuses to run until it is). */
public final class ForecastJob implements SparkJob {
    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public String description() {
        return "(not built yet)";
    }

    @Override
    public Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args) {
        throw new JobException("spark forecast is not built yet");
    }
}

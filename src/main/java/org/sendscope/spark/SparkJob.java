package org.sendscope.spark;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One job {@code sendscope spark JOB} runs: a function from the Datasets it reads (through
 * {@link JobArgs#read}) to the Datasets it produces, named as the output folders they are written
 * to. The session is handed in and the job keeps no state, so the same job runs on a local master,
 * a standalone cluster or under {@code spark-submit}. Jobs are listed in {@link SparkJobs}.
 */
public interface SparkJob {
    /** The name typed on the command line ({@code comparisons}, {@code forecast}, …). */
    String name();

    /** One line for {@code sendscope spark} without a job. */
    String description();

    /**
     * The job's outputs by name (each written to {@code OUTPUT/name/}), in the order they are
     * written. Nothing is written by the job itself: {@link JobRunner} writes and records them.
     */
    Map<String, Dataset<Row>> run(SparkSession spark, JobArgs args);
}

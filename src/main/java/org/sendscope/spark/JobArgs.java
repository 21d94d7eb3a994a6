package org.sendscope.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a job is given: the input folder (the warehouse's Parquet export, {@code sendscope export
 * parquet DIR}, or any folder of Parquet files a job names), the output folder, the output format,
 * and the job's settings ({@code --origin 2023}, {@code --seed 7}, {@code --set key=value}). Paths
 * are strings so that a cluster's {@code hdfs://} or {@code s3a://} folders pass through unchanged.
 */
public record JobArgs(String input, String output, OutputFormat format, Map<String, String> settings,
        Set<String> filesRead) {

    public JobArgs {
        settings = java.util.Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /**
     * Arguments for a run; {@link #filesRead} collects every input file the job reads, for the
     * manifest (a job that collects its inputs to the driver leaves no trace in its outputs' plans).
     */
    public JobArgs(String input, String output, OutputFormat format, Map<String, String> settings) {
        this(input, output, format, settings, java.util.Collections.synchronizedSet(new java.util.TreeSet<>()));
    }

    /** Arguments with no settings (tests). */
    public static JobArgs of(String input, String output, OutputFormat format) {
        return new JobArgs(input, output, format, Map.of());
    }

    /** The same arguments with one setting added or replaced. */
    public JobArgs with(String key, Object value) {
        Map<String, String> s = new LinkedHashMap<>(settings);
        s.put(key, String.valueOf(value));
        return new JobArgs(input, output, format, s, filesRead);
    }

    /**
     * The exported view or Parquet data set {@code name} of the input folder ({@code name.parquet},
     * or a folder {@code name/} of part files as Spark writes them).
     */
    public Dataset<Row> read(SparkSession spark, String name) {
        Dataset<Row> d = JobFiles.readParquet(spark, input, name);
        filesRead.addAll(List.of(d.inputFiles()));
        return d;
    }

    /** A whole-number setting, or {@code otherwise} when it was not given. */
    public int integer(String key, int otherwise) {
        String v = settings.get(key);
        if (v == null) return otherwise;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new JobException("setting " + key + " must be a whole number, not '" + v + "'");
        }
    }

    /** A long setting (seeds), or {@code otherwise} when it was not given. */
    public long number(String key, long otherwise) {
        String v = settings.get(key);
        if (v == null) return otherwise;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new JobException("setting " + key + " must be a whole number, not '" + v + "'");
        }
    }

    /** A text setting, or {@code otherwise} when it was not given. */
    public String text(String key, String otherwise) {
        return settings.getOrDefault(key, otherwise);
    }
}

package org.sendscope.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a {@link SparkJob} and writes what it returns: each output to {@code OUTPUT/name/}
 * (Parquet, or CSV with a header), and {@code OUTPUT/_sendscope_job.json}, the run's provenance —
 * the job, its settings (seeds included), the Spark version and master, and every input file the
 * outputs were computed from with its size and SHA-256 — which {@code sendscope load spark} keeps
 * beside the rows it brings back.
 */
public final class JobRunner {
    /** The file at the top of an output folder that says how its outputs were made. */
    public static final String MANIFEST = org.sendscope.ingest.spark.SparkOutputLoader.MANIFEST;

    private JobRunner() {
    }

    /** One written output: its name, folder and rows. */
    public record Output(String name, String path, long rows) {
    }

    /** Runs the job and writes its outputs and manifest; returns the outputs written. */
    public static List<Output> run(SparkSession spark, SparkJob job, JobArgs args) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (!JobFiles.exists(conf, args.input())) throw new JobException("no input folder " + args.input());
        Instant started = Instant.now();
        Map<String, Dataset<Row>> outputs = job.run(spark, args);
        List<Output> written = new ArrayList<>();
        TreeSet<String> inputFiles = new TreeSet<>(args.filesRead());
        for (Map.Entry<String, Dataset<Row>> e : outputs.entrySet()) {
            Dataset<Row> ds = e.getValue();
            inputFiles.addAll(List.of(ds.inputFiles()));
            String path = new Path(args.output(), e.getKey()).toString();
            if (args.format() == OutputFormat.csv) {
                // one file per output: a CSV is for a person or a spreadsheet, not for the next job
                ds.coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
                written.add(new Output(e.getKey(), path, spark.read().option("header", "true").csv(path).count()));
            } else {
                ds.write().mode(SaveMode.Overwrite).parquet(path);
                written.add(new Output(e.getKey(), path, spark.read().parquet(path).count()));
            }
        }
        writeManifest(spark, job, args, started, inputFiles, written);
        return written;
    }

    private static void writeManifest(SparkSession spark, SparkJob job, JobArgs args, Instant started,
            TreeSet<String> inputFiles, List<Output> written) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job", job.name());
        m.put("run_id", UUID.randomUUID().toString());
        m.put("started", started.toString());
        m.put("finished", Instant.now().toString());
        m.put("spark_version", spark.version());
        m.put("master", spark.sparkContext().master());
        m.put("input", args.input());
        m.put("format", args.format().name());
        m.put("settings", args.settings());
        List<Map<String, Object>> files = new ArrayList<>();
        try {
            for (String f : inputFiles) {
                String[] sum = JobFiles.sha256(conf, f);
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("path", f);
                one.put("sha256", sum[0]);
                one.put("bytes", Long.parseLong(sum[1]));
                files.add(one);
            }
            m.put("input_files", files);
            List<Map<String, Object>> outs = new ArrayList<>();
            for (Output o : written) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("name", o.name());
                one.put("rows", o.rows());
                outs.add(one);
            }
            m.put("outputs", outs);
            Path p = new Path(args.output(), MANIFEST);
            try (OutputStream out = p.getFileSystem(conf).create(p, true)) {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, m);
            }
        } catch (IOException e) {
            throw new JobException("cannot write " + MANIFEST + " in " + args.output() + ": " + e.getMessage());
        }
    }
}

package org.sendscope.spark;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code sendscope spark} does, behind a signature of plain Java types so that the command
 * line can list the command (and print its help) on a class path without Spark.
 */
public final class SparkCommandLine {
    private SparkCommandLine() {
    }

    /** Prints one line per job. */
    public static void list(PrintWriter out) {
        for (SparkJob j : SparkJobs.all()) out.printf("%-12s %s%n", j.name(), j.description());
        out.flush();
    }

    /**
     * Runs job {@code name} on {@code master} (null: spark-submit's, else local[*]) and prints one
     * line per output written.
     */
    public static void run(String name, String input, String output, String master, String format,
            Map<String, String> settings, PrintWriter out) {
        SparkJob job = SparkJobs.named(name);
        if (job == null) {
            throw new JobException("no Spark job '" + name + "' (jobs: "
                    + SparkJobs.all().stream().map(SparkJob::name).collect(Collectors.joining(", ")) + ")");
        }
        OutputFormat f;
        try {
            f = OutputFormat.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new JobException("--format must be parquet or csv, not '" + format + "'");
        }
        JobArgs args = new JobArgs(input, output, f, settings);
        try (SparkSessions.Started s = SparkSessions.start(master)) {
            List<JobRunner.Output> written = JobRunner.run(s.session(), job, args);
            for (JobRunner.Output o : written) out.printf("%-24s %,12d rows  %s%n", o.name(), o.rows(), o.path());
            out.printf("%s%n", new org.apache.hadoop.fs.Path(output, JobRunner.MANIFEST));
            out.flush();
        }
    }
}

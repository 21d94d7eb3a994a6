package org.sendscope.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sendscope.spark.JobException;
import org.sendscope.spark.SparkCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sendscope spark JOB --input DIR --output DIR}: runs one of the Spark jobs
 * (org.sendscope.spark.SparkJobs) on the warehouse's Parquet export, on a local master, a
 * standalone cluster, or under spark-submit. Without a job it lists them. Spark's jars are on the
 * class path of this command only (the launcher adds them), so nothing here names a Spark class.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Run a Spark job on the warehouse's Parquet export (sendscope export parquet DIR); "
                + "without JOB, list the jobs.")
public final class SparkCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "JOB", description = "The job (sendscope spark lists them).")
    String job;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder the job reads (the Parquet export).")
    String input;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder the job writes, one folder per output.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "local[*] (default), local[N] or spark://HOST:PORT; under spark-submit, its master.")
    String master;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet (default) or csv.")
    String format;

    @Option(names = "--origin", paramLabel = "YEAR", description = "forecast, simulate: the last January fitted.")
    Integer origin;

    @Option(names = "--horizon", paramLabel = "YEARS", description = "forecast, simulate: years ahead.")
    Integer horizon;

    @Option(names = "--model", paramLabel = "MODEL", description = "forecast: the model (default auto).")
    String model;

    @Option(names = "--simulations", paramLabel = "N", description = "forecast, simulate: Monte Carlo simulations per LA.")
    Integer simulations;

    @Option(names = "--batches", paramLabel = "N", description = "simulate: simulation batches per LA, each seeded on its own.")
    Integer batches;

    @Option(names = "--seed", paramLabel = "N", description = "simulate: the run's seed (each batch's seed derives from it).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting of the job.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (job == null) {
                SparkCommandLine.list(out);
                return 0;
            }
            if (input == null || output == null) {
                throw new UserException("spark " + job + " needs --input DIR (the Parquet export) and --output DIR");
            }
            Map<String, String> all = new LinkedHashMap<>(settings);
            put(all, "origin", origin);
            put(all, "horizon", horizon);
            put(all, "model", model);
            put(all, "simulations", simulations);
            put(all, "batches", batches);
            put(all, "seed", seed);
            SparkCommandLine.run(job, input, output, master, format, all, out);
            return 0;
        } catch (JobException e) {
            throw new UserException(e.getMessage());
        } catch (NoClassDefFoundError e) {
            if (String.valueOf(e.getMessage()).contains("org/apache/spark")) {
                throw new UserException("Spark is not on the class path: run ./sendscope spark … (it adds Spark's jars) "
                        + "or spark-submit the job jar (README, Spark)");
            }
            throw e;
        }
    }

    private static void put(Map<String, String> into, String key, Object value) {
        if (value != null) into.put(key, value.toString());
    }
}

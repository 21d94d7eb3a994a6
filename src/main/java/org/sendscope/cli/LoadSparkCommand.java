package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.sendscope.ingest.spark.SparkOutputLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sendscope load spark DIR}: a Spark job's output folder, with its run's provenance (views spark_runs, spark_outputs). */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Load the output folder of 'sendscope spark JOB --output DIR': the run (job, settings, input "
                + "checksums) and every row of every output (views spark_runs, spark_outputs).")
public final class LoadSparkCommand extends LoadSubcommand {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output folder(s) of sendscope spark.")
    List<Path> folders;

    @Override
    public Integer call() {
        return loadEach(folders, new SparkOutputLoader());
    }
}

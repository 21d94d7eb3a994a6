package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.ingest.spark.SparkOutputLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load spark DIR}: a Spark job's output folder, with its run's provenance (views spark_runs, spark_outputs). */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Load the output folder of 'sendscope spark JOB --output DIR': the run (job, settings, input "
                + "checksums) and every row of every output (views spark_runs, spark_outputs).")
public final class LoadSparkCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Output folder(s) of sendscope spark.")
    List<Path> folders;

    @Override
    public Integer call() {
        Loading.each(options, spec.commandLine().getOut(), folders, new SparkOutputLoader());
        return 0;
    }
}

package org.sendscope.cli;

import java.util.concurrent.Callable;
import org.sendscope.spark.JobException;
import org.sendscope.spark.SynthBench;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope bench spark}: the {@code aggregate} job on synthetic SEN2 of 1, 3 and 6 million
 * person-year rows, on one core and on {@code --cores}, and the {@code comparisons} job on the real
 * releases, each against DuckDB on the same input in the same run (spark/SynthBench).
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = "Time the aggregate job against data size and cores, and the comparisons job against the "
                + "DuckDB mart, as ratios to DuckDB in the same run.")
public final class BenchSparkCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", paramLabel = "M[,M…]", split = ",", defaultValue = "1,3,6",
            description = "Millions of person-year rows (default 1,3,6).")
    double[] sizes;

    @Option(names = "--cores", paramLabel = "N", defaultValue = "2",
            description = "Threads of the local master compared with one (default 2).")
    int cores;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
            description = "Timed runs of each task after one untimed run; the median is shown (default 3).")
    int repeats;

    @Option(names = "--warmups", paramLabel = "N", defaultValue = "5",
            description = "Untimed runs before the timed ones, for the JIT to compile Spark's generated code: of the "
                    + "comparisons job and its DuckDB reference (the job's first is also shown), and of aggregate on the "
                    + "largest size in the first session (default 5).")
    int warmups;

    @Override
    public Integer call() {
        if (cores < 1) throw new UserException("--cores must be 1 or more, not " + cores);
        if (repeats < 1) throw new UserException("--repeats must be 1 or more, not " + repeats);
        if (warmups < 1) throw new UserException("--warmups must be 1 or more, not " + warmups);
        for (double m : sizes) if (!(m > 0)) throw new UserException("--sizes must be above 0, not " + m);
        // COPY … TO writes files, so the bench uses an ordinary connection (it changes nothing in the warehouse)
        try (Warehouse w = options.openForWriting()) {
            SynthBench.run(w, options.file(), sizes, cores, repeats, warmups, spec.commandLine().getOut());
        } catch (JobException e) {
            throw new UserException(e.getMessage());
        }
        return 0;
    }
}

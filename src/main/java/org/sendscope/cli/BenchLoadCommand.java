package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sendscope.analysis.Quantiles;
import org.sendscope.bench.LoadBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sendscope bench load}: the whole DfE set into a fresh warehouse, against DuckDB's own read. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load all of ../shared/data/dfe into a fresh warehouse and compare with the time DuckDB",
                "itself takes to read the same CSV and Parquet files into plain tables, in the same run."})
public final class BenchLoadCommand extends Subcommand {
    @Mixin
    DfeDataOption data;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after one warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        Path dir = data.folder();
        PrintWriter out = out();
        // --warehouse: where the last round's warehouse stays; never one that holds data already
        Path keep = options.warehouse;
        if (keep != null && Files.exists(keep)) {
            throw new UserException("bench load builds a fresh warehouse and " + keep + " exists; give a new file");
        }
        LoadBenchmark b = new LoadBenchmark(dir, Files.createTempDirectory("sendscope-bench-"));
        try {
            List<Path> csvs = b.unpackCsvs();
            List<Path> parquets = b.parquets();
            out.printf("bench load: %s (%d CSV, %d Parquet read by the reference; %d files loaded)%n", dir,
                    csvs.size(), parquets.size(), b.loads().size());
            b.timeDuckdb(-1, csvs, parquets);
            b.timeSendscope(b.roundFile(-1), false);
            out.println("warm-up done");
            double[] ours = new double[rounds];
            double[] ref = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                // interleaved, so that a busy spell on a shared machine slows both sides alike
                ref[i] = b.timeDuckdb(i, csvs, parquets);
                boolean last = i == rounds - 1 && keep != null;
                ours[i] = b.timeSendscope(last ? keep : b.roundFile(i), last);
                out.printf("round %d: sendscope %7.0f ms   duckdb read %7.0f ms   ratio %.2f%n", i + 1, ours[i], ref[i],
                        ours[i] / ref[i]);
            }
            double m = Quantiles.median(ours);
            double r = Quantiles.median(ref);
            out.printf("median:  sendscope %7.0f ms   duckdb read %7.0f ms   ratio %.2f   (goal: under 5000 ms, ratio under 1.5)%n",
                    m, r, m / r);
            breakdown(out, b.lastRound());
            if (keep != null) out.println("the last round's warehouse: " + keep.toAbsolutePath());
        } finally {
            b.cleanUp();
        }
        return 0;
    }

    /** The last round file by file: the whole load, the marts' refresh inside it (what and why), each mart. */
    private static void breakdown(PrintWriter out, List<LoadBenchmark.FileTime> files) {
        out.println("the last round, file by file (open to close; the marts' refresh inside it):");
        for (LoadBenchmark.FileTime f : files) {
            out.printf("  %-52s %7.0f ms   marts %7.0f ms%n", f.file(), f.ms(), f.martsMs());
            for (var r : f.refreshes()) {
                out.printf("      %s:", r.what());
                for (var m : r.marts()) out.printf(" %s %.0f", m.mart().replace("mart_", ""), m.ms());
                out.println();
            }
        }
    }
}

package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.Loader;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code load …} subcommand shares: the writing options and {@code --replace}, and the
 * one way a load runs once its options are read: open the warehouse (creating it, and saying so,
 * if needed), give each file to its {@link Loader} (with {@code --replace} when given), and print
 * one line per file with the time it took.
 */
abstract class LoadSubcommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    /** The command's output. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Loads every file with the same loader. */
    final int loadEach(List<Path> files, Loader loader) {
        return loadEach(files, f -> loader);
    }

    /** Loads every file with the loader made for it (one whose settings depend on the file). */
    final int loadEach(List<Path> files, Function<Path, Loader> loaderFor) {
        PrintWriter out = out();
        try (Warehouse w = options.openCreating(out)) {
            for (Path f : files) {
                Loader loader = loaderFor.apply(f).replacing(replace.replace);
                long t0 = System.nanoTime();
                LoadResult r = loader.load(w, f);
                out.printf("%s (%.2f s)%n", r, (System.nanoTime() - t0) / 1e9);
                out.flush();
            }
        }
        return 0;
    }

    /**
     * Loads one file with a loader that needs the open warehouse to be made (an {@code --area}
     * checked against {@code areas}), then lets {@code report} print what the load did.
     */
    final int loadOne(Path file, Function<Warehouse, Loader> loaderFor, Reporter report) throws Exception {
        PrintWriter out = out();
        try (Warehouse w = options.openCreating(out)) {
            LoadResult r = loaderFor.apply(w).replacing(replace.replace).load(w, file);
            report.print(w, r, out);
            out.flush();
        }
        return 0;
    }

    /**
     * Loads one local KPI source (a scorecard, a committee paper) and prints its report: the tables
     * found, values, statuses and refusals by reason.
     */
    final int loadKpis(Path file, KpiLoading loading) throws Exception {
        KpiLoadReport[] report = new KpiLoadReport[1];
        return loadOne(file, w -> (warehouse, f, replacing) -> (report[0] = loading.load(warehouse, SourceFile.of(f), replacing)).result(),
                (w, r, out) -> out.print(report[0].summary()));
    }

    /** How one local KPI source loads. */
    @FunctionalInterface
    interface KpiLoading {
        KpiLoadReport load(Warehouse warehouse, SourceFile file, boolean replace);
    }

    /** Prints what one load did. */
    @FunctionalInterface
    interface Reporter {
        void print(Warehouse warehouse, LoadResult result, PrintWriter out) throws Exception;
    }
}

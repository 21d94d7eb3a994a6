package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.Loader;
import org.sendscope.warehouse.Warehouse;

/**
 * What every {@code load …} command does once its options are read: open the warehouse (creating
 * it, and saying so, if needed), give each file to its {@link Loader}, and print one line per
 * file with the time it took.
 */
final class Loading {
    private Loading() {
    }

    /** Loads every file with the same loader. */
    static void each(WritingOptions options, PrintWriter out, List<Path> files, Loader loader) {
        each(options, out, files, f -> loader);
    }

    /** Loads every file with the loader made for it (one whose settings depend on the file). */
    static void each(WritingOptions options, PrintWriter out, List<Path> files, Function<Path, Loader> loaderFor) {
        try (Warehouse w = options.openCreating(out)) {
            for (Path f : files) {
                Loader loader = loaderFor.apply(f);
                long t0 = System.nanoTime();
                LoadResult r = loader.load(w, f);
                out.printf("%s (%.2f s)%n", r, (System.nanoTime() - t0) / 1e9);
                out.flush();
            }
        }
    }
}

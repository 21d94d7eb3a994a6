package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.RunShared;

/**
 * The Parquet export ({@code sendscope export parquet DIR}) of a shared warehouse, made once per
 * test run for each warehouse the Spark tests read (the jobs' input, and the views they must equal),
 * whichever test JVM asks first ({@link RunShared}); the jobs only read it.
 */
final class Exported {
    private Exported() {
    }

    /** The export of the warehouse built as {@code contents}, made from this copy of it the first time. */
    static Path of(String contents, Path warehouse) {
        return RunShared.once("export-" + contents.toLowerCase(), dir -> {
            CliRun r = CliRun.of("export", "parquet", dir.toString(), "--warehouse", warehouse.toString());
            assertEquals(0, r.code(), r.err());
        });
    }
}

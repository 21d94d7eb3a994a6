package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.sendscope.testing.CliRun;

/**
 * The Parquet export ({@code sendscope export parquet DIR}) of a shared warehouse, made once per
 * test JVM for each warehouse the Spark tests read (the jobs' input, and the views they must equal).
 */
final class Exported {
    private static final Map<String, Path> DONE = new HashMap<>();

    private Exported() {
    }

    /** The export of the warehouse built as {@code contents}, made from this copy of it the first time. */
    static synchronized Path of(String contents, Path warehouse) {
        return DONE.computeIfAbsent(contents, k -> {
            try {
                Path dir = Files.createTempDirectory("sendscope-export-");
                CliRun r = CliRun.of("export", "parquet", dir.toString(), "--warehouse", warehouse.toString());
                assertEquals(0, r.code(), r.err());
                return dir;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

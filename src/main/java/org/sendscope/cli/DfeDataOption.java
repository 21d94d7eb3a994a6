package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}, shared by the benchmarks that load the DfE releases ({@code bench load},
 * {@code bench queries}): the folder laid out as {@code ../shared/data/dfe}, which is the default.
 */
public final class DfeDataOption {
    @Option(names = "--data", paramLabel = "DIR", description = "DfE data folder (default: ../shared/data/dfe).")
    Path data;

    /** The folder given, else the default; it must exist. */
    Path folder() {
        Path dir = data != null ? data : defaultFolder();
        if (!Files.isDirectory(dir)) throw new UserException("no DfE data folder at " + dir + " (give --data DIR)");
        return dir;
    }

    /** {@code ../shared/data/dfe} beside the project folder ({@code -Dsendscope.home}), else beside the working directory. */
    static Path defaultFolder() {
        String home = System.getProperty("sendscope.home");
        Path base = home != null ? Path.of(home) : Path.of("").toAbsolutePath();
        return base.resolve("..").resolve("shared").resolve("data").resolve("dfe").normalize();
    }
}

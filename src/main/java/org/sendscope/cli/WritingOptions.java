package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sendscope.ingest.LoadPoints;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Option;

/**
 * The options of a command that changes the warehouse (loads, the demo, stored forecasts): the
 * shared ones, and how long to wait when another command is already changing it.
 */
public final class WritingOptions extends WarehouseOptions {
    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "If another sendscope command is changing the warehouse, wait up to SECONDS for it "
                    + "to finish (default: 0, say so at once).")
    String waitSeconds;

    /** How long to wait for the writer lock: {@code --wait} as a whole number of seconds, 0 or more. */
    public Duration waitFor() {
        String w = waitSeconds.strip();
        if (!w.matches("\\d{1,12}")) {
            throw new UserException("--wait takes a whole number of seconds, 0 or more, not '" + waitSeconds + "'");
        }
        return Duration.ofSeconds(Long.parseLong(w));
    }

    /** Opens an existing warehouse for changing, waiting for another writer as asked. */
    @Override
    public Warehouse openForWriting() {
        LoadPoints.install();
        return Warehouse.open(existing(), waitFor());
    }

    /**
     * Opens the warehouse for loading ({@code load}, {@code demo}), creating it if needed and then
     * saying so, so that a load run from another folder does not quietly start a second warehouse.
     */
    public Warehouse openCreating(PrintWriter out) {
        Path f = file();
        if (!Files.exists(f)) {
            out.println("creating a new warehouse at " + f.toAbsolutePath().normalize());
            out.flush();
        }
        LoadPoints.install();
        return Warehouse.open(f, waitFor());
    }

    /** Opens an empty warehouse that replaces the file when closed. */
    public Warehouse openEmpty() {
        LoadPoints.install();
        return Warehouse.openEmpty(file(), waitFor());
    }
}

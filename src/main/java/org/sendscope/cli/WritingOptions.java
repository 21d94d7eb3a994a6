package org.sendscope.cli;

import java.time.Duration;
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
    long waitSeconds;

    /** How long to wait for the writer lock. */
    public Duration waitFor() {
        if (waitSeconds < 0) throw new UserException("--wait must be 0 or more seconds, not " + waitSeconds);
        return Duration.ofSeconds(waitSeconds);
    }

    /** Opens the warehouse for loading, creating it if needed, waiting for another writer as asked. */
    @Override
    public Warehouse openForWriting() {
        return Warehouse.open(file(), waitFor());
    }

    /** Opens an empty warehouse that replaces the file when closed. */
    public Warehouse openEmpty() {
        return Warehouse.openEmpty(file(), waitFor());
    }
}

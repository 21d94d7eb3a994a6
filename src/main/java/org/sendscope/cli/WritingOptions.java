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
    String waitSeconds;

    /** How long to wait for the writer lock: {@code --wait} as a whole number of seconds, 0 or more. */
    public Duration waitFor() {
        String w = waitSeconds.strip();
        if (!w.matches("\\d{1,12}")) {
            throw new UserException("--wait takes a whole number of seconds, 0 or more, not '" + waitSeconds + "'");
        }
        return Duration.ofSeconds(Long.parseLong(w));
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

package org.sendscope.cli;

import java.nio.file.Path;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Option;

/** The options every command shares: which warehouse, and whether to show stack traces. */
public class WarehouseOptions {
    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "Warehouse file (default: $SENDSCOPE_WAREHOUSE or warehouse/sendscope.duckdb).")
    Path warehouse;

    @Option(names = "--verbose", description = "Show stack traces on errors.")
    boolean verbose;

    /** The warehouse file this command uses. */
    public Path file() {
        return Warehouse.resolve(warehouse);
    }

    /** Opens the warehouse for loading, creating it if needed. */
    public Warehouse openForWriting() {
        return Warehouse.open(file());
    }

    /** Opens the warehouse read-only. */
    public Warehouse openReadOnly() {
        return Warehouse.openReadOnly(file());
    }
}

package org.sendscope.cli;

import java.nio.file.Path;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Option;

/** The options every command shares: which warehouse, and whether to show stack traces. */
public class WarehouseOptions {
    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "Warehouse file (default: $SENDSCOPE_WAREHOUSE, else the project's warehouse/sendscope.duckdb).")
    Path warehouse;

    @Option(names = "--verbose", description = "Show stack traces on errors (and, for demo, the full tables).")
    boolean verbose;

    /** Whether {@code --verbose} was given. */
    public boolean verbose() {
        return verbose;
    }

    /** The warehouse file this command uses. */
    public Path file() {
        return Warehouse.resolve(warehouse);
    }

    /**
     * Opens an existing warehouse for changing. Only {@code demo} and {@code load} create one
     * ({@link WritingOptions#openCreating}); any other command given a file that is not there
     * (a typo, another folder) says so rather than leaving an empty warehouse behind.
     */
    public Warehouse openForWriting() {
        return Warehouse.open(existing());
    }

    /** The warehouse file, which must exist. */
    Path existing() {
        Path f = file();
        if (!java.nio.file.Files.exists(f)) {
            throw new UserException("no warehouse at " + f.toAbsolutePath() + " (build one with './sendscope demo' "
                    + "or './sendscope load …', or give --warehouse FILE)");
        }
        return f;
    }

    /** Opens the warehouse read-only. */
    public Warehouse openReadOnly() {
        return Warehouse.openReadOnly(file());
    }
}

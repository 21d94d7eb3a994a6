package org.sendscope.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --area-codes FILE}, shared by the loads whose files name LAs by DfE number or name (LAIT,
 * statistical neighbours, DSG): where the GSS codes come from (docs/decisions/0011).
 */
public final class AreaCodesOption {
    @Option(names = "--area-codes", paramLabel = "FILE",
            description = "SEN2 release zip or CSV with old_la_code, new_la_code and la_name, to give LA numbers and "
                    + "names GSS codes (repeatable; default: ../ehc-plans/*.zip beside the file's folder, plus what "
                    + "the warehouse already knows).")
    List<Path> files = new ArrayList<>();

    /** The files given, or none for the usual places. */
    public List<Path> files() {
        return List.copyOf(files);
    }
}

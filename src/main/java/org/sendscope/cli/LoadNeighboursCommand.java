package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.sendscope.ingest.neighbours.StatisticalNeighboursLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load neighbours sn_may_2025.xlsx}: DfE's statistical neighbours, current and old lists. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = {"Load a DfE statistical neighbours workbook: ten neighbours with closeness per LA, "
                + "the 'Old SNs' block as set 'old'. The release (vintage) comes from the file name (sn_may_2025 → 2025-05).",
                "LA numbers get GSS codes from the areas of the SEN2 releases loaded (load dfe-ehcp first)."})
public final class LoadNeighboursCommand extends LoadSubcommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Statistical neighbours workbook(s) (.xlsx).")
    List<Path> files;

    @Option(names = "--vintage", paramLabel = "YYYY-MM", description = "Release to record (default: from the file name).")
    String vintage;

    @Override
    public Integer call() {
        return loadEach(files, new StatisticalNeighboursLoader(vintage));
    }
}

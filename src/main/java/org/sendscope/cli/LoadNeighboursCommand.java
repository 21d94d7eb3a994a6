package org.sendscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.ingest.neighbours.StatisticalNeighboursLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load neighbours sn_may_2025.xlsx}: DfE's statistical neighbours, current and old lists. */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = {"Load a DfE statistical neighbours workbook: ten neighbours with closeness per LA, "
                + "the 'Old SNs' block as set 'old'. The release (vintage) comes from the file name (sn_may_2025 → 2025-05).",
                "LA numbers get GSS codes from SEN2 release zips (--area-codes, else ../ehc-plans/*.zip beside the "
                        + "file's folder, else what the warehouse already knows)."})
public final class LoadNeighboursCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Statistical neighbours workbook(s) (.xlsx).")
    List<Path> files;

    @Mixin
    AreaCodesOption areaCodes;

    @Option(names = "--vintage", paramLabel = "YYYY-MM", description = "Release to record (default: from the file name).")
    String vintage;

    @Override
    public Integer call() {
        Loading.each(options, spec.commandLine().getOut(), files,
                new StatisticalNeighboursLoader(areaCodes.files(), vintage));
        return 0;
    }
}

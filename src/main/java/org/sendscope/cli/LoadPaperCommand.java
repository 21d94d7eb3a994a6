package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.ingest.paper.PaperLoader;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load paper FILE.txt --area CODE --published DATE}: the KPI tables of a committee paper. */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = {"Load every KPI table of a committee paper (text extracted from PDF, cells separated by tabs).",
                "Values go to observations (source 'paper:<file>', vintage = --published), targets and required "
                        + "directions to kpi_targets, benchmark columns to England / region / statistical neighbours "
                        + "('SN:<area>'); unreadable cells to load_rejects."})
public final class LoadPaperCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The paper as text (UTF-8).")
    Path file;

    @Option(names = "--area", required = true, paramLabel = "CODE", converter = AreaArgument.Converter.class,
            description = "The LA: GSS code (E06000058) or DfE LA number (839).")
    AreaArgument area;

    @Option(names = "--published", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Publication date of the paper (YYYY-MM-DD): the vintage of its values.")
    LocalDate published;

    @Override
    public Integer call() {
        String vintage = published.toString();
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse w = options.openCreating(out)) {
            KpiLoadReport r = PaperLoader.load(w, SourceFile.of(file), area.gssCode(w), vintage);
            out.print(r.summary());
            out.flush();
        }
        return 0;
    }
}

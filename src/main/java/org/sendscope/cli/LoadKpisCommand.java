package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.ingest.kpi.KpiSpreadsheetLoader;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope load kpis FILE --area CODE [--published DATE]}: a local scorecard spreadsheet. */
@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = {"Load a local KPI scorecard (.csv, .tsv or .xlsx): wide (one row per KPI, one column per period, "
                + "optional direction, target, National / region / Statistical Neighbours columns) or long "
                + "(columns kpi, period, value[, area, target, direction]; see sql/README.md).",
                "Values go to observations, targets and directions to kpi_targets, unreadable cells to load_rejects."})
public final class LoadKpisCommand implements Callable<Integer> {
    @Mixin
    WritingOptions options;
    @Mixin
    ReplaceOption replace;
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scorecard (.csv, .tsv or .xlsx).")
    Path file;

    @Option(names = "--area", required = true, paramLabel = "CODE", converter = AreaArgument.Converter.class,
            description = "The LA: GSS code (E06000058) or DfE LA number (839).")
    AreaArgument area;

    @Option(names = "--published", paramLabel = "DATE", converter = DateConverter.class,
            description = "When the figures were published or extracted (YYYY-MM-DD): the vintage. Default: the file's date.")
    LocalDate published;

    @Override
    public Integer call() throws java.io.IOException {
        String vintage = published != null ? published.toString()
                : Files.exists(file) ? LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                        java.time.ZoneOffset.UTC).toString() : null;
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse w = options.openCreating(out)) {
            KpiLoadReport r = KpiSpreadsheetLoader.load(w, SourceFile.of(file), area.gssCode(w), vintage);
            out.print(r.summary());
            out.flush();
        }
        return 0;
    }
}

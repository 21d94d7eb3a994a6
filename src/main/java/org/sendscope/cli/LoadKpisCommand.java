package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.sendscope.ingest.kpi.KpiSpreadsheetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load kpis FILE --area CODE [--published DATE]}: a local scorecard spreadsheet. */
@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = {"Load a local KPI scorecard (.csv, .tsv or .xlsx): wide (one row per KPI, one column per period, "
                + "optional direction, target, National / region / Statistical Neighbours columns) or long "
                + "(columns kpi, period, value[, area, target, direction]; see sql/README.md).",
                "Values go to observations, targets and directions to kpi_targets, unreadable cells to load_rejects."})
public final class LoadKpisCommand extends LoadSubcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The scorecard (.csv, .tsv or .xlsx).")
    Path file;

    @Mixin
    LocalAreaOption area;

    @Option(names = "--published", paramLabel = "DATE", converter = DateConverter.class,
            description = "When the figures were published or extracted (YYYY-MM-DD): the vintage. Default: the file's date.")
    LocalDate published;

    @Override
    public Integer call() throws Exception {
        String vintage = published != null ? published.toString()
                : Files.exists(file) ? LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(),
                        java.time.ZoneOffset.UTC).toString() : null;
        return loadKpis(file, (w, f, replacing) -> KpiSpreadsheetLoader.load(w, f, area.gssCode(w), vintage, replacing));
    }
}

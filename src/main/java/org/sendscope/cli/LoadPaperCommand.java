package org.sendscope.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import org.sendscope.ingest.paper.PaperLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sendscope load paper FILE.txt --area CODE --published DATE}: the KPI tables of a committee paper. */
@Command(name = "paper", mixinStandardHelpOptions = true,
        description = {"Load every KPI table of a committee paper (text extracted from PDF, cells separated by tabs).",
                "Values go to observations (source 'paper:<file>', vintage = --published), targets and required "
                        + "directions to kpi_targets, benchmark columns to England / region / statistical neighbours "
                        + "('SN:<area>'); unreadable cells to load_rejects."})
public final class LoadPaperCommand extends LoadSubcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The paper as text (UTF-8).")
    Path file;

    @Mixin
    LocalAreaOption area;

    @Option(names = "--published", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Publication date of the paper (YYYY-MM-DD): the vintage of its values.")
    LocalDate published;

    @Override
    public Integer call() throws Exception {
        return loadKpis(file, (w, f, replacing) -> PaperLoader.load(w, f, area.gssCode(w), published.toString(), replacing));
    }
}

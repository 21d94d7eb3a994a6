package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.areas.KnownAreas;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.ingest.kpi.KpiLoader;
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

    @Option(names = "--area", required = true, paramLabel = "CODE", description = "GSS code of the LA, e.g. E06000058.")
    String area;

    @Option(names = "--published", required = true, paramLabel = "DATE",
            description = "Publication date of the paper (YYYY-MM-DD): the vintage of its values.")
    String published;

    @Override
    public Integer call() {
        checkArea(area);
        String vintage = checkDate(published);
        PrintWriter out = spec.commandLine().getOut();
        try (Warehouse w = options.openCreating(out)) {
            KpiLoadReport r = PaperLoader.load(w, SourceFile.of(file), knownArea(w, area), vintage);
            out.print(r.summary());
            out.flush();
        }
        return 0;
    }

    static void checkArea(String area) {
        // the syntax only; whether the area is known is asked of the warehouse (knownArea)
        if (!KpiLoader.isAreaCode(area) && !area.matches("\\d{3}")) {
            throw new UserException("--area must be a GSS code such as E06000058 (BCP) or a DfE LA number such as 839, not '" + area + "'");
        }
    }

    /**
     * The GSS code of the LA {@code --area} names (a code or a DfE number such as 839), which must
     * be a known area (docs/decisions/0087-known-areas.md); otherwise the command is refused.
     */
    static String knownArea(Warehouse w, String area) {
        try {
            StringBuilder why = new StringBuilder();
            return KnownAreas.of(w.connection()).localAuthority(area, why)
                    .orElseThrow(() -> new UserException("--area: " + why));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read areas: " + e.getMessage(), e);
        }
    }

    static String checkDate(String date) {
        try {
            return LocalDate.parse(date).toString();
        } catch (java.time.format.DateTimeParseException e) {
            throw new UserException("--published must be a date YYYY-MM-DD, not '" + date + "'");
        }
    }
}

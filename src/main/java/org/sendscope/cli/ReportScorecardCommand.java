package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.sendscope.report.scorecard.DisclosureControl;
import org.sendscope.report.scorecard.ScorecardReport;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sendscope report scorecard}: the LA's SEND Partnership Scorecard as a static, accessible site. */
@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = {"Write the LA's SEND Partnership Scorecard as a static site (index.html, a page per KPI, "
                + "scorecard.csv) that needs no network to view.",
                "Figures are those of 'sendscope ask kpi_scorecard'; counts below the threshold, and figures that "
                + "would give them back, are shown as c (docs/decisions/0181)."})
public final class ReportScorecardCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;
    @Spec
    CommandSpec spec;

    @Option(names = "--area", required = true, paramLabel = "CODE", converter = AreaArgument.Converter.class,
            description = "The LA: GSS code (E06000058) or LA number (839).")
    AreaArgument area;

    @Option(names = "--as-of", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Figures for periods ending on or before this date, YYYY-MM-DD.")
    LocalDate asOf;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the site into.")
    Path out;

    @Option(names = "--plan", paramLabel = "ID",
            description = "The improvement plan whose actions to summarise, as loaded with 'load actions --plan' "
                    + "(default: none).")
    String plan;

    @Option(names = "--snapshot", paramLabel = "DATE", converter = DateConverter.class,
            description = "The plan's snapshot (default: the latest on or before --as-of, else the first).")
    LocalDate snapshot;

    @Option(names = "--threshold", paramLabel = "N", defaultValue = "" + DisclosureControl.DEFAULT_THRESHOLD,
            description = "Counts below N are not published (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Override
    public Integer call() throws Exception {
        if (threshold < 1) throw new UserException("--threshold must be 1 or more, not " + threshold);
        PrintWriter pw = spec.commandLine().getOut();
        try (Warehouse w = options.openReadOnly()) {
            String code = area.gssCode(w);
            pw.println(ScorecardReport.publish(w, code, asOf, plan, snapshot, threshold, out).summary());
        }
        pw.flush();
        return 0;
    }
}

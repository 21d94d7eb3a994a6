package org.sendscope.cli;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.sendscope.ingest.actions.ActionSnapshotLoader;
import org.sendscope.ingest.actions.PlanFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sendscope load actions FILE --plan ID --snapshot DATE}: one snapshot of an improvement plan,
 * from a plan document's text (BCP, Hull, Bedford layouts) or a tracker spreadsheet.
 */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = {"Load one snapshot of an improvement plan's actions: a plan document's text (BCP improvement "
                + "plan, Hull strategic plan, Bedford statement of action; detected from the content) or a tracker "
                + "(.csv/.tsv/.xlsx with a header row: ref, action, deadline, status, and optionally lead, priority, "
                + "start, origin, success measures, progress).",
                "Loading the same plan and snapshot again replaces it; the same file again changes nothing."})
public final class LoadActionsCommand extends LoadSubcommand {
    @Parameters(paramLabel = "FILE", description = "Plan text (.txt) or tracker (.csv, .tsv, .xlsx).")
    Path file;

    @Option(names = "--plan", required = true, paramLabel = "ID",
            description = "Plan id, e.g. bcp-send-improvement-2023-26 (letters, digits, '.', '_', '-').")
    String plan;

    @Option(names = "--snapshot", required = true, paramLabel = "DATE", converter = DateConverter.class,
            description = "Date the statuses describe, YYYY-MM-DD.")
    LocalDate snapshot;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "bcp, hull, bedford or tracker (default: from the file's extension and content).")
    String format;

    @Override
    public Integer call() throws Exception {
        LocalDate date = snapshot;
        PlanFormat f;
        try {
            f = format == null ? null : PlanFormat.of(format);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return loadOne(file, w -> ActionSnapshotLoader.forPlan(plan, date, f), (w, r, out) -> {
            out.println(r);
            if (!r.unchanged()) {
                long warnings = w.count("SELECT count(*) FROM load_reject_log WHERE load_id = " + r.loadId()
                        + " AND reason LIKE 'warning:%'");
                out.printf("  %d actions; %d cells refused, %d values interpreted with a warning (load_rejects)%n",
                        r.rowsLoaded(), r.rowsRejected() - warnings, warnings);
            }
            try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT status, n, pct FROM action_status_summary WHERE plan = '" + plan.replace("'", "''")
                            + "' AND snapshot = DATE '" + date + "' ORDER BY action_status_rank(status)")) {
                while (rs.next()) out.printf("  %-24s %4d  %5.1f%%%n", rs.getString(1), rs.getInt(2), rs.getDouble(3));
            }
        });
    }
}

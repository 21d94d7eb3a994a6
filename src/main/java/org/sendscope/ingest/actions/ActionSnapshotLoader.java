package org.sendscope.ingest.actions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.TextInput;
import org.sendscope.warehouse.Warehouse;

/**
 * Loads one snapshot of an improvement plan (a plan document's text or a tracker spreadsheet) into
 * {@code action_fact}, {@code action_plan_fact} and, where the plan counts its own actions by status,
 * {@code action_status_reported_fact}. One transaction per file; scope {@code actions|PLAN|SNAPSHOT},
 * so loading the same plan and snapshot again replaces it, and the same file again changes nothing.
 * Every refused cell and every interpretation (reason {@code warning: …}) is a {@code load_rejects} row.
 */
public final class ActionSnapshotLoader {
    /** The loader's name in {@code load_log}. */
    public static final String SOURCE = "actions";

    private ActionSnapshotLoader() {
    }

    /** Parses a file in the given format, or the format its content shows when {@code format} is null. */
    public static ParsedPlan parse(Path path, String fileName, PlanFormat format) {
        String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean spreadsheet = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".xlsx")
                || lower.endsWith(".xls") || lower.endsWith(".tab");
        if (format == PlanFormat.TRACKER || (format == null && spreadsheet)) return TrackerParser.parse(path, fileName);
        List<String> lines = TextInput.read(path, fileName).lines().toList();
        PlanFormat f = format != null ? format : PlanFormat.detect(lines);
        if (f == null) {
            throw new LoadException(fileName, "not a plan this loader knows: no BCP action table header (Ref Origin "
                    + "Action Lead Deadline RAG), no Hull table header (What do we want to achieve … Due Date … "
                    + "Status), no Bedford header (Key actions … Completion date); give --format, or load a tracker "
                    + "as .csv/.tsv/.xlsx");
        }
        ParsedPlan plan = switch (f) {
            case BCP -> BcpPlanParser.parse(fileName, lines);
            case HULL -> HullPlanParser.parse(fileName, lines);
            case BEDFORD -> BedfordPlanParser.parse(fileName, lines);
            case TRACKER -> throw new IllegalStateException();
        };
        if (plan.actions().isEmpty()) {
            throw new LoadException(fileName, "no actions found in the " + f.code() + " layout");
        }
        return plan;
    }

    /** This loader as a {@link org.sendscope.ingest.Loader} for snapshots of one plan on one date. */
    public static org.sendscope.ingest.Loader forPlan(String planId, LocalDate snapshot, PlanFormat format) {
        return (warehouse, file, replace) -> load(warehouse, SourceFile.of(file), planId, snapshot, format, replace);
    }

    /** Loads a file as one snapshot of a plan. */
    public static LoadResult load(Warehouse warehouse, Path path, String planId, LocalDate snapshot, PlanFormat format) {
        SourceFile file = SourceFile.of(path);
        return load(warehouse, file, planId, snapshot, format);
    }

    /** Loads a file (already checksummed, e.g. a bundled resource copied out) as one snapshot of a plan. */
    public static LoadResult load(Warehouse warehouse, SourceFile file, String planId, LocalDate snapshot,
                                  PlanFormat format) {
        return load(warehouse, file, planId, snapshot, format, false);
    }

    /** As above, allowed (when {@code replace}) to supersede the snapshot's earlier load though that loses data. */
    public static LoadResult load(Warehouse warehouse, SourceFile file, String planId, LocalDate snapshot,
                                  PlanFormat format, boolean replace) {
        if (planId == null || !planId.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new LoadException(file.name(), "plan id '" + planId + "' must be letters, digits, '.', '_' or '-'");
        }
        String scope = SOURCE + "|" + planId + "|" + snapshot;
        return LoadRun.run(warehouse, SOURCE, scope, file, snapshot.toString(), replace, run -> {
            ParsedPlan plan = parse(file.path(), file.name(), format);
            write(run, plan, planId, snapshot);
            return plan.actions().size();
        });
    }

    private static void write(LoadRun run, ParsedPlan plan, String planId, LocalDate snapshot) throws SQLException {
        Connection c = run.connection();
        Date snap = Date.valueOf(snapshot);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO action_plan_fact VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, planId);
            p.setDate(2, snap);
            p.setString(3, plan.format().code());
            p.setString(4, plan.title());
            p.setString(5, plan.fileName());
            p.setInt(6, plan.actions().size());
            p.setLong(7, run.loadId());
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO action_fact VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PlannedAction a : plan.actions()) {
                int k = 1;
                p.setString(k++, planId);
                p.setDate(k++, snap);
                p.setString(k++, a.ref);
                p.setInt(k++, a.seq);
                p.setString(k++, a.priority);
                p.setString(k++, a.objective);
                p.setString(k++, a.title);
                p.setString(k++, a.lead);
                p.setString(k++, a.deliverers);
                p.setString(k++, a.origin);
                p.setString(k++, a.startAsWritten);
                date(p, k++, a.start);
                p.setString(k++, a.deadlineAsWritten);
                date(p, k++, a.deadline);
                p.setString(k++, a.successMeasures);
                p.setString(k++, a.progress);
                p.setString(k++, a.statusAsWritten == null ? "" : a.statusAsWritten);
                p.setString(k++, a.status.code());
                p.setLong(k++, a.line);
                p.setString(k++, a.warnings.isEmpty() ? null : String.join("; ", a.warnings));
                p.setLong(k, run.loadId());
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO action_status_reported_fact VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int order = 0;
            for (ReportedStatus r : plan.reported()) {
                p.setString(1, planId);
                p.setDate(2, snap);
                p.setInt(3, ++order);
                p.setString(4, r.statusAsWritten());
                p.setString(5, r.status().code());
                p.setString(6, r.description());
                p.setInt(7, r.n());
                p.setString(8, r.pctAsWritten());
                if (r.total() == null) p.setNull(9, Types.INTEGER);
                else p.setInt(9, r.total());
                p.setLong(10, run.loadId());
                p.addBatch();
            }
            p.executeBatch();
        }
        for (ParseNote n : plan.notes()) run.reject(plan.fileName(), n.line(), n.field(), n.raw(), n.reason());
        long warnings = plan.notes().stream().filter(ParseNote::isWarning).count();
        run.message(plan.format().code() + " plan" + (plan.title() == null ? "" : " '" + plan.title() + "'") + ": "
                + plan.actions().size() + " actions, " + (plan.notes().size() - warnings) + " cells refused, "
                + warnings + " warnings (see load_rejects)");
    }

    private static void date(PreparedStatement p, int k, LocalDate d) throws SQLException {
        if (d == null) p.setNull(k, Types.DATE);
        else p.setDate(k, Date.valueOf(d));
    }
}

package org.sendscope.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.actions.ActionSnapshotLoader;
import org.sendscope.ingest.actions.ActionsDemo;
import org.sendscope.ingest.actions.PlanFormat;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.ingest.kpi.KpiSpreadsheetLoader;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope demo}: builds a warehouse from what the repository bundles and runs the
 * pipeline end to end, as a list of {@link DemoStep}s. To add a step (actions, forecasts, SEN2
 * when {@code ../shared} is present), add it to {@link #steps()} in pipeline order.
 */
public final class Demo {
    /** BCP's GSS code: the LA of the transcribed papers. */
    public static final String BCP = "E06000058";

    private final List<DemoStep> steps;

    public Demo(List<DemoStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The demo's steps, in order. */
    public static List<DemoStep> steps() {
        List<DemoStep> s = new ArrayList<>();
        s.add(transcribedKpis());
        s.add(syntheticScorecard());
        s.add(improvementPlanActions());
        s.add(PublishedReleases.load());
        s.add(PublishedReleases.forecasts());
        s.add(PublishedScorecard.step());
        s.add(summary());
        return s;
    }

    public List<DemoStep> stepList() {
        return steps;
    }

    /** Runs every step against the warehouse, with the full reports and tables. */
    public void run(Warehouse warehouse, PrintWriter out) throws Exception {
        run(warehouse, out, true);
    }

    /**
     * Runs every step against the warehouse. Without {@code verbose} each step prints a line and
     * the summary fits on one screen; with it, the steps' full reports and tables as well.
     */
    public void run(Warehouse warehouse, PrintWriter out, boolean verbose) throws Exception {
        // a load folder: removed below, or swept by a later load if this process is killed
        Path work = org.sendscope.ingest.LoadTemp.folder();
        try {
            DemoContext ctx = new DemoContext(warehouse, out, work, verbose);
            int n = 0;
            for (DemoStep step : steps) {
                if (verbose) out.printf("%n== %d/%d %s%n", ++n, steps.size(), step.title());
                else out.printf("%d/%d %s%n", ++n, steps.size(), step.title());
                out.flush();
                step.run(ctx);
                out.flush();
            }
        } finally {
            org.sendscope.ingest.LoadTemp.delete(work);
        }
    }

    /** BCP KPI figures transcribed from the two BCP committee papers (facts, each row naming its paper). */
    public static DemoStep transcribedKpis() {
        return DemoStep.of("load KPI figures transcribed from BCP's committee papers "
                + "(demo/bcp-kpis-transcribed.csv)", demo -> {
            KpiLoadReport r = KpiSpreadsheetLoader.load(demo.warehouse(), demo.bundled("bcp-kpis-transcribed.csv"),
                    BCP, "2024-07-24");
            report(demo, r);
        });
    }

    /** A generated scorecard for a fictional LA, labelled synthetic. */
    public static DemoStep syntheticScorecard() {
        return DemoStep.of("load a synthetic 24-month scorecard for a fictional LA ("
                + SyntheticScorecard.AREA + ")", demo -> {
            KpiLoadReport r = KpiSpreadsheetLoader.load(demo.warehouse(), demo.generated("synthetic-scorecard.csv",
                    SyntheticScorecard.csv(YearMonth.of(2024, 12), 24, 20240724L)), SyntheticScorecard.AREA,
                    SyntheticScorecard.AREA_NAME, "synthetic");
            report(demo, r);
        });
    }

    /**
     * The improvement plan's actions, transcribed, as two snapshots of a tracker whose statuses are
     * synthetic ({@link SyntheticTrackerStatuses}): the plan's text lost each action's colour, and a
     * tracker with statuses at two dates is what answers "what changed?".
     */
    public static DemoStep improvementPlanActions() {
        return DemoStep.of("load the improvement plan's actions, transcribed (" + ActionsDemo.RESOURCE + "), with synthetic "
                + "statuses at " + SyntheticTrackerStatuses.FIRST + " and " + SyntheticTrackerStatuses.SECOND, demo -> {
            List<byte[]> trackers = SyntheticTrackerStatuses.csvs();
            LocalDate[] snapshots = {SyntheticTrackerStatuses.FIRST, SyntheticTrackerStatuses.SECOND};
            for (int i = 0; i < snapshots.length; i++) {
                SourceFile made = demo.generated("bcp-tracker-" + snapshots[i] + "-synthetic-statuses.csv", trackers.get(i));
                SourceFile file = new SourceFile(made.path(), made.name() + " (actions transcribed from the BCP SEND "
                        + "Improvement Plan 2023/26 v1.2; statuses synthetic, seed " + SyntheticTrackerStatuses.SEED + ")",
                        made.sha256());
                LoadResult r = ActionSnapshotLoader.load(demo.warehouse(), file, SyntheticTrackerStatuses.PLAN,
                        snapshots[i], PlanFormat.TRACKER);
                demo.loaded(r);
                demo.out().println("   " + r);
            }
        });
    }

    /** A KPI load: one line, and with {@code --verbose} its table counts. */
    private static void report(DemoContext demo, KpiLoadReport r) {
        demo.loaded(r.result());
        demo.out().println("   " + r.result());
        if (!r.result().unchanged()) demo.detail().print(r.summary().substring(r.summary().indexOf('\n') + 1));
    }

    /**
     * What was loaded, one headline for each kind of user and the commands to try next (at most 60
     * lines); with {@code --verbose} the full tables follow.
     */
    public static DemoStep summary() {
        return DemoStep.of("summary", demo -> {
            new DemoSummary(demo.warehouse()).print(demo.out());
            if (demo.verbose()) fullTables(demo);
        });
    }

    /** The tables the demo printed before its summary was cut to a screen ({@code demo --verbose}). */
    private static void fullTables(DemoContext demo) throws Exception {
        PrintWriter out = demo.out();
        try (Statement s = demo.warehouse().connection().createStatement()) {
            table(s, out, "Loads in force:", "SELECT load_id, source, vintage, file_name, rows_loaded, rows_rejected "
                    + "FROM loads WHERE status = 'loaded' ORDER BY load_id");
            table(s, out, "BCP: latest value of each KPI against its target (kpi_latest):", "SELECT measure, breakdown, "
                    + "period_kind, period_label AS period, value, status, target, direction, meets_target FROM kpi_latest "
                    + "WHERE area_code = '" + BCP + "' ORDER BY measure, breakdown");
            table(s, out, "% of new EHC plans issued within 20 weeks (incl. exceptions): BCP by month, and 2022 benchmarks:",
                    "SELECT area_code, level, period_label AS period, value, source, vintage "
                    + "FROM observations WHERE measure = 'ehc_20wk_pct_incl_exc' AND (area_code = '" + BCP
                    + "' OR level <> 'local_authority') AND area_code NOT LIKE '%" + SyntheticScorecard.AREA
                    + "' ORDER BY level <> 'local_authority', period_start, area_code");
            table(s, out, "Synthetic LA (labelled synthetic): last six months of the 20-week timeliness:",
                    "SELECT area_name, period_label AS period, value, source, vintage "
                    + "FROM observations WHERE measure = 'ehc_20wk_pct_incl_exc' AND area_code = '"
                    + SyntheticScorecard.AREA + "' ORDER BY period_start DESC LIMIT 6");
            table(s, out, "Improvement plan actions by status (action_status_summary):",
                    "SELECT * FROM action_status_summary ORDER BY 1, 2, 3");
        }
    }

    /** A blank line, the table's title, and the query's rows as a table. */
    private static void table(Statement s, PrintWriter out, String title, String sql) throws SQLException {
        out.println();
        out.println(title);
        try (ResultSet rs = s.executeQuery(sql)) {
            ResultPrinter.print(rs, TableFormat.table, out);
        }
    }
}

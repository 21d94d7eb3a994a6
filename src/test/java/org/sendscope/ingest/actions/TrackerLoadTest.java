package org.sendscope.ingest.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sendscope.ingest.actions.ActionPlanPapersTest.string;
import static org.sendscope.ingest.actions.ActionPlanPapersTest.strings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.cli.Main;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.warehouse.Warehouse;

/** Trackers as officers keep them: the hand-written fixtures in src/test/resources/actions. */
class TrackerLoadTest {
    static final LocalDate MAY = LocalDate.of(2024, 5, 1);

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(TrackerLoadTest.class.getResource("/actions/" + name).toURI());
    }

    @Test
    void aTrackerCsvLoadsWithItsColumnsRecognisedByName() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult r = ActionSnapshotLoader.load(w, fixture("tracker-small.csv"), "demo-tracker", MAY, null);
            assertEquals(6, r.rowsLoaded());
            checkSmallTracker(w);
        }
    }

    /** What tracker-small.csv says, whichever file format carried it. */
    static void checkSmallTracker(Warehouse w) throws SQLException {
        // T2 (line 3): due 31/04/24 -> 30 April with a warning; start Jan-24; Amber.
        assertEquals("2024-01-01|2024-04-30|significant_risk|Amber|Head of SEND", string(w,
                "SELECT start_date || '|' || deadline || '|' || status || '|' || status_as_written || '|' || lead "
                        + "FROM actions WHERE ref = 'T2'"));
        assertEquals("1. Governance", string(w, "SELECT priority FROM actions WHERE ref = 'T2'"));
        // T3: "On track - some concerns", due Jun-24.
        assertEquals("on_track_some_concerns|2024-06-30", string(w,
                "SELECT status || '|' || deadline FROM actions WHERE ref = 'T3'"));
        // T4 (line 5): due "soon" is no date: refused, the action loads without a deadline.
        assertEquals("soon|null", string(w, "SELECT deadline_as_written || '|' || coalesce(CAST(deadline AS VARCHAR), "
                + "'null') FROM actions WHERE ref = 'T4'"));
        // T5 (line 6): "Purple" is on no scale: unknown, and refused; start "Sept - Nov 23" is 1 September 2023.
        assertEquals("unknown|Purple|2023-09-01", string(w,
                "SELECT status || '|' || status_as_written || '|' || start_date FROM actions WHERE ref = 'T5'"));
        assertEquals(List.of("3|ref T2 deadline|31/04/24|warning", "5|ref T4 deadline|soon|no date in 'soon'",
                        "6|ref T5 status|Purple|not a status on any known scale; stored as unknown"),
                strings(w, "SELECT line || '|' || field || '|' || raw_value || '|' || CASE WHEN reason LIKE 'warning:%' "
                        + "THEN 'warning' ELSE reason END FROM load_rejects ORDER BY line"));
        // One of each status but on_track_some_concerns... : completed T1, significant_risk T2, some concerns T3,
        // on track T4 (Green), unknown T5, not started T6.
        assertEquals(List.of("not_started=1", "on_track=1", "on_track_some_concerns=1", "significant_risk=1",
                "completed=1", "unknown=1"), strings(w, "SELECT status || '=' || n FROM action_status_summary "
                + "ORDER BY action_status_rank(status)"));
        // Overdue on 1 May 2024: T2 (30/04/24, amber) and T6 (31/12/23, not started); T1 is completed.
        assertEquals(List.of("T2 1", "T6 122"), strings(w,
                "SELECT ref || ' ' || days_overdue FROM overdue_actions ORDER BY ref"));
    }

    @Test
    void theSameTrackerAsXlsxLoadsTheSame(@TempDir Path dir) throws Exception {
        Path xlsx = dir.resolve("tracker-small.xlsx");
        writeXlsx(fixture("tracker-small.csv"), xlsx);
        try (Warehouse w = Warehouse.inMemory()) {
            assertEquals(6, ActionSnapshotLoader.load(w, xlsx, "demo-tracker", MAY, null).rowsLoaded());
            checkSmallTracker(w);
        }
    }

    @Test
    void aTrackerWithoutAStatusColumnIsRefusedNamingFileLineAndColumn() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadException e = assertThrows(LoadException.class, () -> ActionSnapshotLoader.load(w,
                    fixture("tracker-missing-status.csv"), "bad", MAY, null));
            assertEquals(1L, e.line());
            assertEquals("status", e.column());
            assertTrue(e.getMessage().contains("tracker-missing-status.csv, line 1, column 'status'"), e.getMessage());
            assertTrue(e.getMessage().contains("missing required column 'status'"), e.getMessage());
            // Nothing half-loaded.
            assertEquals(0, w.count("SELECT count(*) FROM action_fact"));
            assertEquals(0, w.count("SELECT count(*) FROM load_log WHERE status = 'loaded'"));
            LoadException dup = assertThrows(LoadException.class, () -> ActionSnapshotLoader.load(w,
                    fixture("tracker-duplicate-ref.csv"), "bad", MAY, null));
            assertEquals(4L, dup.line());
            assertEquals("T1", dup.raw());
        }
    }

    @Test
    void reloadingASnapshotReplacesItAndKeepsOtherSnapshots(@TempDir Path dir) throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, fixture("tracker-small.csv"), "t", MAY, null);
            // June: T2 completed, T6 moved to 30/09/24, T4 dropped, T7 new.
            Path june = dir.resolve("june.csv");
            Files.writeString(june, Files.readString(fixture("tracker-small.csv"))
                    .replace("31/04/24,Amber", "31/04/24,Complete")
                    .replace("Head of Transport,,31/12/23,NS", "Head of Transport,,30/09/24,NS")
                    .replaceAll("(?m)^T4,.*\\n", "")
                    + "T7,3. Sufficiency,Commission a post-16 pathway,Head of SEND,,Mar-25,Not started,Pathway agreed,\n");
            ActionSnapshotLoader.load(w, june, "t", LocalDate.of(2024, 6, 1), null);
            assertEquals(List.of("deadline T6 2023-12-31>2024-09-30", "dropped T4 on_track>null",
                    "new T7 null>not_started", "status T2 significant_risk (Amber)>completed (Complete)"),
                    strings(w, "SELECT change || ' ' || ref || ' ' || coalesce(from_value, 'null') || '>' || "
                            + "coalesce(to_value, 'null') FROM action_changes ORDER BY change, ref"));
            // Loading June again from an edited file replaces June only.
            Files.writeString(june, Files.readString(june).replace("Pathway agreed", "Pathway agreed with colleges"));
            LoadResult again = ActionSnapshotLoader.load(w, june, "t", LocalDate.of(2024, 6, 1), null);
            assertTrue(!again.unchanged());
            assertEquals(6 + 6, w.count("SELECT count(*) FROM action_snapshots"));
            assertEquals(1, w.count("SELECT count(*) FROM load_log WHERE status = 'superseded'"));
            assertEquals(7, w.count("SELECT count(*) FROM actions"));
        }
    }

    @Test
    void theCommandLineLoadsATrackerAndRefusesABadOne(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("w.duckdb");
        var cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int ok = cl.execute("load", "actions", fixture("tracker-small.csv").toString(), "--plan", "demo",
                "--snapshot", "2024-05-01", "--warehouse", db.toString());
        assertEquals(0, ok, err.toString());
        assertTrue(out.toString().contains("6 rows"), out.toString());
        assertTrue(out.toString().contains("significant_risk"), out.toString());
        int bad = cl.execute("load", "actions", fixture("tracker-missing-status.csv").toString(), "--plan", "demo",
                "--snapshot", "2024-05-01", "--warehouse", db.toString());
        assertEquals(Main.USER_ERROR, bad);
        assertTrue(err.toString().contains("line 1, column 'status'"), err.toString());
        int badDate = cl.execute("load", "actions", fixture("tracker-small.csv").toString(), "--plan", "demo",
                "--snapshot", "May 2024", "--warehouse", db.toString());
        assertEquals(Main.USER_ERROR, badDate);
    }

    /** Writes the CSV's rows to a workbook, dates in date cells where the CSV has ISO dates. */
    static void writeXlsx(Path csv, Path xlsx) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            Sheet sheet = wb.createSheet("Tracker");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 0;
            for (CSVRecord rec : CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < rec.size(); c++) {
                    String v = rec.get(c);
                    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        var cell = row.createCell(c);
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
    }
}

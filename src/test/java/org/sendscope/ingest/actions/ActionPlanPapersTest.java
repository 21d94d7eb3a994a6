package org.sendscope.ingest.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sendscope.ingest.LoadResult;
import org.sendscope.testing.SharedData;
import org.sendscope.warehouse.Warehouse;

/**
 * The three plans in ../shared/papers, loaded as a person would, checked against what the papers say.
 * Counts were made by hand from the text files (how is said beside each).
 */
class ActionPlanPapersTest {
    static final String BCP = "bcp-send-improvement-2023-26";
    static final LocalDate APRIL = LocalDate.of(2024, 4, 12);   // plan v1.2, dated 12/04/24
    static final LocalDate MAY = LocalDate.of(2024, 5, 22);     // the copy in the 22 May 2024 Cabinet report

    static Path plan() {
        return SharedData.paper("bcp-send-improvement-plan-2023-26.txt");
    }

    static Path pack() {
        return SharedData.paper("bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt");
    }

    @Test
    void bcpPlanHas138ActionsInEightPriorities() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult r = ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            // The RAG key says "Total out of 138 actions"; each priority's last ref is its count:
            // 1.17, 2.11, 3.19, 4.18, 5.26, 6.16, 7.15, 8.16 -> 17+11+19+18+26+16+15+16 = 138.
            assertEquals(138, r.rowsLoaded());
            assertEquals(List.of("1. SEND Leadership, Management and Governance=17", "2. Communication and Co-production=11",
                    "3. Early Identification and Intervention=19", "4. Inclusion=18", "5. Pathway=26", "6. Sufficiency=16",
                    "7. Preparation for Adulthood (PfA)=15", "8. Managing Resources=16"),
                    strings(w, "SELECT priority || '=' || count(*) FROM actions WHERE plan = '" + BCP
                            + "' GROUP BY priority ORDER BY priority"));
            assertEquals("bcp", string(w, "SELECT format FROM action_plans"));
        }
    }

    @Test
    void bcpActionsAsWritten() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            // Line 87: 1.7 "Develop new Governance Framework …", deadline 31/04/24 (no such day).
            assertEquals("31/04/24|2024-04-30|Rachel Gravett – Director Quality, Performance Improvement and Governance",
                    string(w, "SELECT deadline_as_written || '|' || deadline || '|' || lead FROM actions WHERE ref = '1.7'"));
            assertTrue(string(w, "SELECT warnings FROM actions WHERE ref = '1.7'").contains("'31/04/24' does not exist"));
            assertEquals(1, w.count("SELECT count(*) FROM load_rejects WHERE field = 'ref 1.7 deadline' "
                    + "AND reason LIKE 'warning:%' AND line = 87"));
            // Line 75: 1.2 deadline 14/12/23; its RAG cell holds only the glyph '1' (the colour was lost).
            assertEquals("14/12/23|1|unknown", string(w,
                    "SELECT deadline_as_written || '|' || status_as_written || '|' || status FROM actions WHERE ref = '1.2'"));
            // NS (not started) is printed for 3.11, 5.26 and 8.16: the key's 3 not started.
            assertEquals(List.of("3.11", "5.26", "8.16"),
                    strings(w, "SELECT ref FROM actions WHERE status = 'not_started' ORDER BY seq"));
            // Line 424 prints the ref of "Develop and implement a Joint SEND Commissioning Strategy" as 0.3.
            assertTrue(string(w, "SELECT title FROM actions WHERE ref = '6.3'").startsWith("Develop and implement a Joint SEND"));
            // Impossible days in the plan: 31/04/24 (1.7, 5.9, 5.11), 31/06/24 (2.9, 3.11, 4.2, 4.4, 7.3),
            // 31/11/24 (4.1), 31/09/24 (5.1): ten warnings.
            assertEquals(10, w.count("SELECT count(*) FROM load_rejects WHERE reason LIKE 'warning:%does not exist%'"));
            // Nothing refused; 24 interpretations in all (sql/README.md lists them by plan).
            assertEquals(0, w.count("SELECT count(*) FROM load_rejects WHERE reason NOT LIKE 'warning:%'"));
            assertEquals(24, w.count("SELECT count(*) FROM load_rejects WHERE reason LIKE 'warning:%'"));
        }
    }

    @Test
    void bcpsOwnRagSummaryBesideTheParsedStatuses() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            // The key: 2 high risk, 30 significant risk, 96 on track, 7 actioned, 0 completed, 3 not started, of 138.
            assertEquals(List.of("high_risk=2/0", "significant_risk=30/0", "on_track=96/0", "actioned=7/0",
                    "completed=0/0", "not_started=3/3"), strings(w, "SELECT status || '=' || n || '/' || n_from_actions "
                    + "FROM plan_status_reported ORDER BY key_order"));
            assertEquals(138, w.count("SELECT sum(n) FROM plan_status_reported"));
            assertEquals(138, w.count("SELECT max(total) FROM plan_status_reported"));
            // Only the NS letters survived extraction; the other 135 RAG colours are unknown, not guessed.
            assertEquals(List.of("not_started=3 2.2", "unknown=135 97.8"), strings(w,
                    "SELECT status || '=' || n || ' ' || pct FROM action_status_summary ORDER BY action_status_rank(status)"));
        }
    }

    @Test
    void bcpOverdueAsAtTheSnapshot() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            // Deadlines before 12/04/24, by priority (none is marked actioned or completed):
            // 1: 1.1-1.6, 1.8, 1.9, 1.10, 1.14, 1.16 (11); 2: 2.1, 2.2, 2.3, 2.4, 2.7, 2.10, 2.11 (7); 3: 3.13 (1);
            // 4: none; 5: 5.3, 5.4, 5.6, 5.7, 5.10, 5.18, 5.20, 5.21, 5.22 (9); 6: 6.6, 6.12 (2); 7: 7.5, 7.12 (2);
            // 8: 8.1, 8.3-8.8, 8.12, 8.13, 8.15 (10). 42 in all.
            assertEquals(42, w.count("SELECT count(*) FROM overdue_actions WHERE snapshot = DATE '2024-04-12'"));
            assertEquals(11, w.count("SELECT count(*) FROM overdue_actions WHERE priority LIKE '1.%'"));
            assertEquals(0, w.count("SELECT count(*) FROM overdue_actions WHERE priority LIKE '4.%'"));
            // 1.2 (14/12/23) was 120 days overdue on 12 April 2024.
            assertEquals(120, w.count("SELECT days_overdue FROM overdue_actions WHERE ref = '1.2'"));
        }
    }

    @Test
    void theMayCopyInTheAgendaPackIsASecondSnapshot() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            LoadResult may = ActionSnapshotLoader.load(w, pack(), BCP, MAY, null);
            // The pack prints the same version 1.2; its extraction loses two rows' refs entirely, their text run
            // into the row before: 1.14 (into 1.13) and 6.3 (into 6.2). 138 - 2 = 136.
            assertEquals(136, may.rowsLoaded());
            // Refused: the rows numbered 0.20 and 0.40 (ghosts of neighbouring rows) and 3.15's deadline cell,
            // which holds only the word 'Deadline'.
            assertEquals(List.of("ref 3.15 deadline|Deadline", "ref|0.20", "ref|0.40"), strings(w, "SELECT field || '|' || "
                    + "raw_value FROM load_rejects WHERE load_id = " + may.loadId() + " AND reason NOT LIKE 'warning:%' ORDER BY line"));
            assertEquals(List.of("deadline 3.15", "dropped 1.14", "dropped 6.3"),
                    strings(w, "SELECT change || ' ' || ref FROM action_changes ORDER BY change, ref"));
            // 3.15's deadline cell in the pack reads 'Deadline' (the dates were lost); April had 30/06/24 31/12/24.
            assertEquals("2024-12-31", string(w, "SELECT from_value FROM action_changes WHERE ref = '3.15'"));
            // The actions view takes each action's latest snapshot; the two the pack lost come from April.
            assertEquals(138, w.count("SELECT count(*) FROM actions"));
            assertEquals(2, w.count("SELECT count(*) FROM actions WHERE NOT in_latest_snapshot"));
            // The pack's RAG key keeps its R: the same counts, as the plan's own figures for May.
            assertEquals(List.of("R=2", "А=30", "Р=96", "G=7", "С=0", "NS=3"), strings(w, "SELECT status_as_written || '=' "
                    + "|| n FROM plan_status_reported WHERE snapshot = DATE '2024-05-22' ORDER BY key_order"));
            // Deadlines before 22/05/24 in the May snapshot.
            assertEquals(54, w.count("SELECT count(*) FROM overdue_actions WHERE snapshot = DATE '2024-05-22'"));
        }
    }

    @Test
    void hullPlanHas63ActionsOnItsFourPhraseScale() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult r = ActionSnapshotLoader.load(w, SharedData.paper("hull-send-strategic-plan-2024-27.txt"),
                    "hull-send-strategic-2024-27", LocalDate.of(2024, 4, 30), null);
            // Table rows with a status, by priority (line numbers of the text file): 1: 133-139 (6);
            // 2: 144-153 (8); 3: 156-181 (20); 4: 188-200 (11); 5: 205, 206 (two actions in one row), 209, 210 (5);
            // 6: 215-231 (13). 63 in all.
            assertEquals(63, r.rowsLoaded());
            assertEquals(List.of("1=6", "2=8", "3=20", "4=11", "5=5", "6=13"), strings(w,
                    "SELECT k || '=' || n FROM (SELECT split_part(ref, '.', 1) AS k, count(*) AS n FROM actions GROUP BY k) ORDER BY k"));
            // grep -o of each phrase in the file: 32 "On track no concerns", 13 "On track some concerns",
            // 4 "Completed Embedded Sustained", 14 "Not due yet".
            assertEquals(List.of("not_due_yet=14", "on_track=32", "on_track_some_concerns=13", "completed=4"),
                    strings(w, "SELECT status || '=' || n FROM action_status_summary ORDER BY action_status_rank(status)"));
            // Line 133: the first action, Feb-23 to Nov-23, code SEF, "On track some concerns".
            assertEquals("Communicate transparently agreed timescales for service responses|2023-02-01|2023-11-30|SEF|"
                    + "On track some concerns", string(w, "SELECT title || '|' || start_date || '|' || deadline || '|' "
                    + "|| origin || '|' || status_as_written FROM actions WHERE ref = '1.1'"));
            assertTrue(string(w, "SELECT priority FROM actions WHERE ref = '3.1'").startsWith("3. To identify need early"));
            // Line 171: due "24-Apr" is read as April 2024, with a warning.
            assertEquals("2024-04-30", string(w, "SELECT deadline FROM actions WHERE deadline_as_written = '24-Apr' LIMIT 1"));
        }
    }

    @Test
    void bedfordStatementHas98NumberedActions() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult r = ActionSnapshotLoader.load(w, SharedData.paper("bedford-send-statement-of-action-2018.txt"),
                    "bedford-wsoa-2018", LocalDate.of(2018, 7, 6), null);
            // Rows whose first cell is n.n.n: 1.1.1-1.3.10 (4+8+10=22), 2.1.1-2.5.7 (6+7+3+4+7=27),
            // 3.1.1-3.4.8 (2+2+6+8=18), 4.1.1-4.4.3 (7+5+3+3=18), 5.1.1-5.2.6 (7+6=13). 98 in all.
            assertEquals(98, r.rowsLoaded());
            assertEquals(List.of("1=22", "2=27", "3=18", "4=18", "5=13"), strings(w,
                    "SELECT k || '=' || n FROM (SELECT split_part(ref, '.', 1) AS k, count(*) AS n FROM actions GROUP BY k) ORDER BY k"));
            assertEquals("Sept - Nov 18|2018-11-30|SEND Improvement Board", string(w,
                    "SELECT deadline_as_written || '|' || deadline || '|' || lead FROM actions WHERE ref = '1.1.2'"));
            assertEquals("Jul-18|2018-07-31", string(w, "SELECT deadline_as_written || '|' || deadline FROM actions "
                    + "WHERE ref = '1.1.1'"));
            assertTrue(string(w, "SELECT objective FROM actions WHERE ref = '1.1.1'").startsWith("1.1 To produce a co-production"));
            // The RAG rating column is empty in the text: every status unknown.
            assertEquals(98, w.count("SELECT count(*) FROM actions WHERE status = 'unknown'"));
        }
    }

    @Test
    void allThreePlansShowInTheStatusSummary() throws SQLException {
        try (Warehouse w = Warehouse.inMemory()) {
            ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null);
            ActionSnapshotLoader.load(w, SharedData.paper("hull-send-strategic-plan-2024-27.txt"), "hull", APRIL, null);
            ActionSnapshotLoader.load(w, SharedData.paper("bedford-send-statement-of-action-2018.txt"), "bedford",
                    LocalDate.of(2018, 7, 6), null);
            assertEquals(List.of(BCP, "bedford", "hull"), strings(w, "SELECT DISTINCT plan FROM action_status_summary ORDER BY 1"));
            assertEquals(138 + 63 + 98, w.count("SELECT sum(n) FROM action_status_summary"));
            // Loading the same file again changes nothing.
            assertTrue(ActionSnapshotLoader.load(w, plan(), BCP, APRIL, null).unchanged());
            assertEquals(138, w.count("SELECT count(*) FROM action_snapshots WHERE plan = '" + BCP + "'"));
        }
    }

    static String string(Warehouse w, String sql) throws SQLException {
        List<String> s = strings(w, sql);
        return s.isEmpty() ? null : s.get(0);
    }

    static List<String> strings(Warehouse w, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = w.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}

package org.sendscope.ingest.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sendscope.ingest.paper.KpiQueries.status;
import static org.sendscope.ingest.paper.KpiQueries.value;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiLoadReport;
import org.sendscope.warehouse.Warehouse;

/**
 * A paper of the same kind that the extractor was never tuned on: a hand-written dashboard
 * (src/test/resources/org/sendscope/ingest/paper/unseen-dashboard.txt) with other headings, another
 * region, its own KPIs, a label wrapped onto two lines, arrows as ▲/▼, a Cyrillic 'ТВС' and
 * 'Мау', and a second, termly table.
 */
class UnseenPaperTest {
    static final String AREA = "E10000014"; // any county code will do: the figures are made up

    static SourceFile fixture() throws Exception {
        return SourceFile.of(Path.of(UnseenPaperTest.class.getResource("unseen-dashboard.txt").toURI()));
    }

    @Test
    void loadsEveryTableByItsShape() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            KpiLoadReport r = PaperLoader.load(w, fixture(), AREA, "2024-10-03");
            assertEquals(2, r.tables().size(), r.summary());
            // monthly table, by hand: 20wk 3 values + 3 benchmarks; plans 4 + England; sensory 3; satisfaction 3;
            // backlog 3 = 20 values; statuses: awaiting data, Not avail, ТВС = 3; refused: 'c.380' = 1
            assertEquals(20, r.tables().get(0).values(), r.summary());
            assertEquals(3, r.tables().get(0).statuses(), r.summary());
            assertEquals(1, r.tables().get(0).rejected(), r.summary());
            // termly table: 131, 140, national rate 18.9 = 3
            assertEquals(3, r.tables().get(1).values(), r.summary());

            assertEquals(44.0, value(w, AREA, "ehc_20wk_pct_incl_exc", "June 24"));
            assertEquals("awaiting_data", status(w, AREA, "ehc_20wk_pct_incl_exc", "July 24"));
            assertEquals(50.3, value(w, "E92000001", "ehc_20wk_pct_incl_exc", "2023"));
            assertEquals(41.2, value(w, "E12000008", "ehc_20wk_pct_incl_exc", "2023")); // South East
            assertEquals(46.0, value(w, "SN:" + AREA, "ehc_20wk_pct_incl_exc", "2023"));
            assertEquals(2150.0, value(w, AREA, "ehc_plans_local", "July 24"));
            assertEquals(1, w.count("SELECT count(*) FROM observations WHERE area_code = 'E92000001' "
                    + "AND measure = 'pupils_with_ehcp' AND period_kind = 'census_january' AND value = 434354"));
            // a KPI the catalogue does not know is defined from its (wrapped) label
            assertEquals(15.0, value(w, AREA, "local_number_of_children_waiting_for_a_sensory_processing_as", "May 24"));
            assertEquals("not_available", status(w, AREA, "local_number_of_children_waiting_for_a_sensory_processing_as", "June 24"));
            assertEquals(1, w.count("SELECT count(*) FROM measures WHERE measure = "
                    + "'local_number_of_children_waiting_for_a_sensory_processing_as' AND polarity = 'lower_is_better'"));
            assertEquals("tbc", status(w, AREA, "local_parent_carer_satisfaction_with_the_local_offer_pct", "May 24"));
            assertNull(value(w, AREA, "local_parent_carer_satisfaction_with_the_local_offer_pct", "May 24"));
            assertEquals(18.9, value(w, "E92000001", "suspensions_ehcp_rate", "AY 22/23"));
            assertEquals(1, w.count("SELECT count(*) FROM load_rejects WHERE raw_value = 'c.380' AND line = 13"));
            assertEquals(1, w.count("SELECT count(*) FROM kpi_targets WHERE measure = 'annual_review_backlog' AND target = 0 "
                    + "AND direction = 'down' AND valid_from = DATE '2024-04-01' AND valid_to = DATE '2024-07-31'"));
        }
    }

    @Test
    void anActionPlanWithDatesIsNotAScorecard(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("plan.txt");
        Files.writeString(p, "Action\tWhat we will do\tLead\tStart Date\tDue Date\n"
                + "Map out SEND services so that they are more easily navigated by parents and carers across the city\t"
                + "Map the front door\tHead of SEND\tFeb-23\tOct-24\n");
        try (Warehouse w = Warehouse.inMemory()) {
            assertThrows(LoadException.class, () -> PaperLoader.load(w, SourceFile.of(p), AREA, "2024-01-01"));
        }
    }

    @Test
    void aFileWithoutAKpiTableIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("minutes.txt");
        Files.writeString(p, "Minutes of the meeting\nApologies were received.\nRef\tAction\tLead\n1.1\tDo it\tA N Other\n");
        try (Warehouse w = Warehouse.inMemory()) {
            LoadException e = assertThrows(LoadException.class, () -> PaperLoader.load(w, SourceFile.of(p), AREA, "2024-01-01"));
            assertTrue(e.getMessage().contains("no KPI table found"), e.getMessage());
            // only the refusal's audit row: nothing of the paper is in force
            assertEquals(0, w.count("SELECT count(*) FROM loads WHERE status <> 'refused'"));
            assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'refused' AND message LIKE '%no KPI table found%'"));
            assertEquals(0, w.count("SELECT count(*) FROM observations"));
        }
    }
}

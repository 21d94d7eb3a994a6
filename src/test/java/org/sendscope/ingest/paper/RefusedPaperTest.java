package org.sendscope.ingest.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.kpi.KpiCatalogue;
import org.sendscope.ingest.kpi.KpiSpreadsheetLoader;
import org.sendscope.testing.WarehouseFingerprint;
import org.sendscope.warehouse.Warehouse;

/**
 * A refused paper or scorecard leaves every base table as it was: the KPI catalogue's rows in
 * {@code measure_fact} are written in the load's own transaction, so they go when it is rolled back.
 */
class RefusedPaperTest {
    static final String AREA = "E10000014";

    @Test
    void aPaperWithoutAKpiTableLeavesAFreshWarehouseEmpty(@TempDir Path dir) throws Exception {
        Path minutes = dir.resolve("minutes.txt");
        Files.writeString(minutes, "Minutes of the meeting\nApologies were received.\nRef\tAction\tLead\n1.1\tDo it\tA N Other\n");
        try (Warehouse w = Warehouse.inMemory()) {
            Map<String, String> before = WarehouseFingerprint.of(w);
            LoadException e = assertThrows(LoadException.class,
                    () -> PaperLoader.load(w, SourceFile.of(minutes), AREA, "2024-01-01"));
            assertTrue(e.getMessage().contains("no KPI table found"), e.getMessage());
            // before the fix the refused load still wrote the catalogue's 119 rows
            assertEquals(0, w.count("SELECT count(*) FROM measure_fact"));
            assertEquals(before, WarehouseFingerprint.of(w));
        }
    }

    @Test
    void aRefusedPaperAfterAGoodOneChangesNothing(@TempDir Path dir) throws Exception {
        Path minutes = dir.resolve("minutes.txt");
        Files.writeString(minutes, "No tables here.\n");
        try (Warehouse w = Warehouse.inMemory()) {
            PaperLoader.load(w, UnseenPaperTest.fixture(), AREA, "2024-10-03");
            int catalogue = KpiCatalogue.bundled().measures().size();
            assertEquals(catalogue, w.count("SELECT count(*) FROM measure_fact WHERE load_id IS NULL"));
            Map<String, String> before = WarehouseFingerprint.of(w);
            assertThrows(LoadException.class, () -> PaperLoader.load(w, SourceFile.of(minutes), AREA, "2024-11-01"));
            assertEquals(before, WarehouseFingerprint.of(w));
            assertEquals(catalogue, w.count("SELECT count(*) FROM measure_fact WHERE load_id IS NULL"));
        }
    }

    @Test
    void aScorecardThatIsNoSpreadsheetLeavesAFreshWarehouseEmpty(@TempDir Path dir) throws Exception {
        Path notXlsx = dir.resolve("scorecard.xlsx");
        Files.writeString(notXlsx, "this is not a spreadsheet\n");
        try (Warehouse w = Warehouse.inMemory()) {
            Map<String, String> before = WarehouseFingerprint.of(w);
            assertThrows(LoadException.class, () -> KpiSpreadsheetLoader.load(w, SourceFile.of(notXlsx), AREA, "2024-01-01"));
            assertEquals(0, w.count("SELECT count(*) FROM measure_fact"));
            assertEquals(before, WarehouseFingerprint.of(w));
        }
    }

    @Test
    void aPaperWhoseTablesHoldNoFigureIsRefused(@TempDir Path dir) throws Exception {
        // a header and no rows, or rows whose every period is not yet recorded: nothing to report, so a damaged file
        Path paper = dir.resolve("empty.txt");
        Files.writeString(paper, "Table 1\nKPI\tApr-24\tMay-24\tTarget\nAR backlog\t\t\t\n\nThe figures will follow.\n"
                + "Measure\tJun-24\tJul-24\nEP timeliness\t\t\n");
        try (Warehouse w = Warehouse.inMemory()) {
            Map<String, String> before = WarehouseFingerprint.of(w);
            LoadException e = assertThrows(LoadException.class, () -> PaperLoader.load(w, SourceFile.of(paper), AREA, "2024-06-30"));
            assertEquals(paper + ": KPI table(s) found at line 2; line 6 but not one value, status or target in them: "
                    + "nothing to load", e.getMessage());
            assertEquals(before, WarehouseFingerprint.of(w));
        }
    }
}

package org.sendscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.dfe.Sen2Loader;
import org.sendscope.ingest.kpi.KpiSpreadsheetLoader;
import org.sendscope.ingest.paper.PaperLoader;
import org.sendscope.warehouse.Warehouse;

/** Loaders of different sources called the same way: a file in, a LoadResult out. */
class LoaderContractTest {

    @Test
    void aScorecardAndAPaperThroughOneInterface(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "KPI,Dec-23,Jan-24,Target\nNo. of complaints,5,x5,0\n");
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "KPIs\n\tDirection\tSep-24\tOct-24\nNo. of complaints\t▼\t3\t2\n");
        List<Map.Entry<Loader, Path>> loads = List.of(
                Map.entry(KpiSpreadsheetLoader.forArea("E06000058", "2024-04-30"), csv),
                Map.entry(PaperLoader.forArea("E06000058", "2024-11-01"), paper));
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            List<LoadResult> results = loads.stream().map(e -> e.getKey().load(w, e.getValue())).toList();
            assertEquals(List.of("kpis", "paper"), results.stream().map(LoadResult::source).toList());
            assertEquals(1, results.get(0).rowsRejected());   // x5 is not a number
            assertEquals(3, w.count("SELECT count(*) FROM observations WHERE measure = 'complaints' AND value IS NOT NULL"));
            // the same file again through the same contract: unchanged
            assertTrue(loads.get(1).getKey().load(w, paper).unchanged());
        }
    }

    @Test
    void replacingIsALoadersOwnPermissionNotTheThreads(@TempDir Path dir) {
        Path bad = Path.of("src/test/resources/bad");
        Loader sen2 = new Sen2Loader(null);
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            sen2.load(w, bad.resolve("txn-mini-2019.zip"));
            // the copy without requests.csv would lose a file: refused, then let through by the replacing loader
            LoadException refused = assertThrows(LoadException.class, () -> sen2.load(w, bad.resolve("txn-mini-2019-no-requests.zip")));
            assertTrue(refused.getMessage().endsWith("pass --replace to replace it anyway"), refused.getMessage());
            LoadResult replaced = sen2.replacing(true).load(w, bad.resolve("txn-mini-2019-no-requests.zip"));
            assertEquals(0, w.count("SELECT count(*) FROM observations WHERE measure = 'ehc_requests'"));
            assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'loaded' AND load_id = " + replaced.loadId()));
            // the permission went with that load: the same loader on its own refuses the next loss again
            assertThrows(LoadException.class, () -> sen2.load(w, bad.resolve("txn-mini-2019-one-year.zip")));
            assertTrue(sen2.replacing(false) == sen2);
        }
    }
}

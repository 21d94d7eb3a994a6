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

    @Test
    void aPlainLoadInsideAReplacingOneGetsNoPermission(@TempDir Path dir) {
        Path bad = Path.of("src/test/resources/bad");
        Loader sen2 = new Sen2Loader(null);
        // a loader that drops the permission it is handed and loads plainly, on the same thread
        Loader plainInside = (warehouse, file, replace) -> sen2.load(warehouse, file);
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            LoadResult first = sen2.load(w, bad.resolve("txn-mini-2019.zip"));
            LoadException e = assertThrows(LoadException.class,
                    () -> plainInside.replacing(true).load(w, bad.resolve("txn-mini-2019-no-requests.zip")));
            assertTrue(e.getMessage().endsWith("pass --replace to replace it anyway"), e.getMessage());
            assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'loaded' AND load_id = " + first.loadId()));
        }
    }

    /**
     * A scorecard, a paper and an action tracker each loaded again with fewer rows: refused
     * through the plain loader, let through by the replacing one, so every loader hands the
     * permission on to its load.
     */
    @Test
    void everyLoaderHandsTheReplacementOn(@TempDir Path dir) throws Exception {
        record Case(Loader loader, String name, String bigger, String smaller) {
        }
        List<Case> cases = List.of(
                new Case(KpiSpreadsheetLoader.forArea("E06000058", "2024-04-30"), "scorecard.csv",
                        "KPI,Nov-23,Dec-23,Jan-24\nNo. of complaints,4,5,6\n", "KPI,Jan-24\nNo. of complaints,6\n"),
                new Case(PaperLoader.forArea("E06000058", "2024-11-01"), "paper.txt",
                        "KPIs\n\tDirection\tJul-24\tAug-24\tSep-24\tOct-24\nNo. of complaints\t▼\t5\t4\t3\t2\n",
                        "KPIs\n\tDirection\tSep-24\tOct-24\nNo. of complaints\t▼\t3\t2\n"),
                new Case(org.sendscope.ingest.actions.ActionSnapshotLoader.forPlan("t", java.time.LocalDate.of(2024, 5, 1),
                        org.sendscope.ingest.actions.PlanFormat.TRACKER), "tracker.csv",
                        "Ref,Action,Due date,RAG rating\nT1,Agree the strategy,31/03/24,Completed\n"
                                + "T2,Publish the self-evaluation,30/04/24,Amber\nT3,Clear the backlog,30/06/24,Green\n",
                        "Ref,Action,Due date,RAG rating\nT1,Agree the strategy,31/03/24,Completed\n"));
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            for (Case c : cases) {
                Path f = dir.resolve(c.name());
                Files.writeString(f, c.bigger());
                LoadResult first = c.loader().load(w, f);
                Files.writeString(f, c.smaller());
                LoadException e = assertThrows(LoadException.class, () -> c.loader().load(w, f), c.name());
                assertTrue(e.getMessage().endsWith("pass --replace to replace it anyway"), e.getMessage());
                LoadResult replaced = c.loader().replacing(true).load(w, f);
                assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'superseded' AND load_id = "
                        + first.loadId()), c.name());
                assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'loaded' AND load_id = "
                        + replaced.loadId()), c.name());
            }
        }
    }
}

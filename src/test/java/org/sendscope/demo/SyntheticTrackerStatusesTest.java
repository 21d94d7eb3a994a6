package org.sendscope.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.SourceFile;
import org.sendscope.ingest.actions.ActionSnapshotLoader;
import org.sendscope.ingest.actions.PlanFormat;
import org.sendscope.warehouse.Warehouse;

/** The demo's tracker: BCP's 43 transcribed actions at two dates, with synthetic statuses that say so. */
class SyntheticTrackerStatusesTest {
    @Test
    void theFirstSnapshotDealsOutThePlansOwnCount() {
        // The plan's count of 138: 2 high risk, 30 significant risk, 96 on track, 7 actioned, 0 completed,
        // 3 not started. Scaled to 43: 0.62, 9.35, 29.91, 2.18, 0, 0.93 -> floors 0, 9, 29, 2, 0, 0 (40),
        // the three largest remainders (0.93, 0.91, 0.62) add one each: 1, 9, 30, 2, 0, 1.
        Map<String, Integer> n = new TreeMap<>();
        for (String s : SyntheticTrackerStatuses.firstStatuses(43, new Random(1))) n.merge(s, 1, Integer::sum);
        assertEquals(Map.of("High risk", 1, "Significant risk", 9, "On track", 30, "Actioned", 2, "Not started", 1), n);
    }

    @Test
    void twoSnapshotsLoadWithStatusesAndChanges(@TempDir Path dir) throws Exception {
        List<byte[]> csvs = SyntheticTrackerStatuses.csvs();
        assertEquals(csvs.get(0).length, SyntheticTrackerStatuses.csvs().get(0).length, "the same file every run");
        try (Warehouse w = Warehouse.open(dir.resolve("w.duckdb"))) {
            java.time.LocalDate[] dates = {SyntheticTrackerStatuses.FIRST, SyntheticTrackerStatuses.SECOND};
            for (int i = 0; i < 2; i++) {
                Path f = dir.resolve("t" + i + ".csv");
                Files.write(f, csvs.get(i));
                ActionSnapshotLoader.load(w, SourceFile.of(f), SyntheticTrackerStatuses.PLAN, dates[i], PlanFormat.TRACKER);
            }
            assertEquals(86, w.count("SELECT count(*) FROM action_snapshots WHERE plan = '" + SyntheticTrackerStatuses.PLAN + "'"));
            assertEquals(0, w.count("SELECT count(*) FROM action_snapshots WHERE status = 'unknown'"));
            assertEquals(30, w.count("SELECT n FROM action_status_summary WHERE snapshot = DATE '2024-04-12' AND status = 'on_track'"));
            assertTrue(w.count("SELECT count(*) FROM action_changes WHERE change = 'status'") >= 10, "statuses moved");
            assertTrue(w.count("SELECT count(*) FROM action_changes WHERE change = 'deadline'") >= 1, "a deadline moved");
            assertEquals(86, w.count("SELECT count(*) FROM action_snapshots WHERE progress LIKE '%status at 2024-0_-__ synthetic%'"),
                    "every row says its status is synthetic");
        }
    }
}

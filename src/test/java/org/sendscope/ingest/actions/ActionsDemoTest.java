package org.sendscope.ingest.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sendscope.ingest.LoadResult;
import org.sendscope.warehouse.Warehouse;

class ActionsDemoTest {

    @Test
    void theBundledTrackerLoadsAsTranscribed() {
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult r = ActionsDemo.load(w);
            // Priorities 1 (1.1-1.17) and 5 (5.1-5.26) of the BCP plan: 17 + 26 = 43.
            assertEquals(43, r.rowsLoaded());
            assertEquals(17, w.count("SELECT count(*) FROM actions WHERE priority LIKE '1.%'"));
            // 5.26 is printed NS; every other colour was lost: unknown.
            assertEquals(1, w.count("SELECT count(*) FROM actions WHERE status = 'not_started' AND ref = '5.26'"));
            assertEquals(42, w.count("SELECT count(*) FROM actions WHERE status = 'unknown'"));
            // 1.7, 5.9 and 5.11 are due 31/04/24 and 5.1 31/09/24: four warnings; the first three load as 30 April.
            assertEquals(4, w.count("SELECT count(*) FROM load_rejects WHERE reason LIKE 'warning:%does not exist%'"));
            assertEquals(3, w.count("SELECT count(*) FROM actions WHERE deadline = DATE '2024-04-30' AND deadline_as_written = '31/04/24'"));
            // Overdue on 12/04/24, as in the full plan: priority 1 has 11, priority 5 has 9.
            assertEquals(20, w.count("SELECT count(*) FROM overdue_actions"));
            assertTrue(ActionsDemo.load(w).unchanged());
        }
    }
}

package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.dfe.DfeFolder;
import org.sendscope.testing.SharedData;

/**
 * The measure-limited refresh against the real releases (docs/decisions/0153): every file of
 * {@code ../shared/data/dfe} loaded as the README lists them (both SEN2 releases, LAIT, both
 * neighbour lists, both DSG workbooks), each in its own open as a user would; every mart then holds
 * exactly what its macro computes from all the rows, i.e. what a full refresh would store. LAIT
 * names areas the SEN2 releases do not; its refresh is by measure, not in full. The marts are
 * compared after LAIT, after the last neighbour list (which recomputes two marts in full, so it
 * would hide a wrong row of theirs from LAIT) and after the last load (a wrong row a by-measure
 * refresh leaves stays until a full one); each comparison is a full recomputation.
 */
class MartsAfterThePublishedDataTest {

    /** README's order: SEN2, then LAIT, then neighbours, then DSG. */
    private static int readmeOrder(DfeFolder.Load l) {
        String f = l.file().toString();
        if (f.contains("ehc-plans")) return 0;
        if (f.contains("lait")) return 1;
        if (f.contains("statistical-neighbours")) return 2;
        return 3;
    }

    @Test
    void afterThePublishedLoadsTheMartsEqualAFullRefresh(@TempDir Path dir) throws Exception {
        SharedData.dfe("lait/bds_long.parquet");
        SharedData.dfe("statistical-neighbours/sn_may_2025.xlsx");
        SharedData.dfe("finance/DSG_by_year_dr.xlsx");
        List<DfeFolder.Load> loads = new ArrayList<>(new DfeFolder(SharedData.dfe("")).loads());
        loads.sort(Comparator.comparingInt(MartsAfterThePublishedDataTest::readmeOrder));
        assertEquals(7, loads.size(), loads.toString());
        Path file = dir.resolve("w.duckdb");
        List<Marts.Refresh> refreshes = new ArrayList<>();
        var was = Marts.observe(refreshes::add);
        try {
            for (DfeFolder.Load l : loads) {
                refreshes.clear();
                try (Warehouse w = Warehouse.open(file)) {
                    l.loader().load(w, l.file());
                    String name = l.file().getFileName().toString();
                    assertEquals(1, refreshes.size(), name + ": " + refreshes);
                    String what = refreshes.get(0).what();
                    if (name.equals("bds_long.parquet")) {
                        assertTrue(what.matches("\\d+ measures \\([1-9]\\d* areas changed; .*"), what);
                    }
                    if (name.equals("bds_long.parquet") || name.equals("sn_may_2025.xlsx") || l == loads.get(loads.size() - 1)) {
                        MartsTest.assertMartsAreTheirMacros(w, name + " (" + what + ")");
                    }
                }
            }
        } finally {
            Marts.observe(was);
        }
    }
}

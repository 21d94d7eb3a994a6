package org.sendscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sendscope.warehouse.Warehouse;

/**
 * The views' fingerprint is read again whenever a table or a view's definition changed, and only
 * then: the same warehouse state twice reads the views once.
 */
class ViewsDigestTest {
    @Test
    void aChangedTableOrViewIsReadAgainAndAnUnchangedOneIsNot() throws Exception {
        try (Warehouse w = Warehouse.inMemory()) {
            int before = ViewsDigest.reads;
            Map<String, String> empty = ViewsDigest.of(w);
            assertEquals(empty, ViewsDigest.of(w));
            assertEquals(before + 1, ViewsDigest.reads, "the same tables and views: read once");

            // A load's audit row: the loads view shows it, so the fingerprint must change.
            w.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'hand-written', 'x', '1', now(), now(), 0, 0, "
                    + "'loaded', NULL)");
            Map<String, String> loaded = ViewsDigest.of(w);
            assertEquals(before + 2, ViewsDigest.reads, "a changed table: read again");
            assertNotEquals(empty.get("loads"), loaded.get("loads"));
            assertEquals("1", loaded.get("loads").split(":")[0], "one row in loads");

            // A view redefined over the same tables is read again too.
            w.execute("CREATE OR REPLACE VIEW loads AS SELECT * FROM load_log WHERE false");
            ViewsDigest.of(w);
            assertEquals(before + 3, ViewsDigest.reads, "a changed view: read again");
        }
    }
}

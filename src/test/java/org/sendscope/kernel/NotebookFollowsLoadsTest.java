package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.warehouse.Warehouse;

/**
 * A kernel keeps its warehouse open for its whole life; a load must neither wait for it nor stay
 * invisible to it: the next query after the load answers from the new file.
 */
class NotebookFollowsLoadsTest {
    private static final String ADD_LOAD = "INSERT INTO load_log (load_id, source, scope, file_name, sha256, vintage, "
            + "started_at, status) VALUES (nextval('load_id_seq'), 't', 't', 'a.csv', 'x', '2024', now(), 'loaded')";

    @AfterEach
    void close() {
        Sendscope.closeAll();
    }

    @Test
    void aLoadGoesAheadWhileTheKernelIsOpenAndTheNextQuerySeesIt(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            w.execute(ADD_LOAD);
        }
        Sendscope notebook = Sendscope.open(file);
        assertEquals(1, count(notebook));
        try (Warehouse w = Warehouse.open(file)) { // would be refused while a kernel held the file read-only
            w.execute(ADD_LOAD);
            w.execute(ADD_LOAD);
            assertEquals(1, count(notebook), "a load in progress is not seen");
        }
        assertEquals(3, count(notebook), "the finished load is");
        assertSame(notebook, Sendscope.open(file), "still one facade per warehouse");
        assertEquals(3, notebook.warehouse().count("SELECT count(*) FROM loads"));
    }

    private static long count(Sendscope s) {
        return ((Number) s.sql("SELECT count(*) AS n FROM loads").column("n").get(0)).longValue();
    }
}

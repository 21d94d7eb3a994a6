package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {

    @Test
    void aNewWarehouseHasThePublicViewsAndTheLaSuccessions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            List<String> views = PublicViews.names(w);
            assertTrue(views.containsAll(List.of("areas", "measures", "observations", "statistical_neighbours",
                    "loads", "load_rejects")), views.toString());
            assertEquals(1, w.count("SELECT count(*) FROM areas WHERE area_code = 'E06000028' "
                    + "AND successor_code = 'E06000058' AND la_number = 837"));
            assertEquals(11, w.count("SELECT count(*) FROM areas"));
        }
        // Opening again applies nothing twice.
        try (Warehouse w = Warehouse.open(file)) {
            assertEquals(SqlResources.list("schema").size(), w.count("SELECT count(*) FROM schema_migrations"));
        }
    }

    @Test
    void theReadOnlyConnectionCannotWriteOrReadFiles(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        try (Warehouse w = Warehouse.openReadOnly(file)) {
            assertThrows(WarehouseException.class, () -> w.execute("CREATE TABLE t (x INT)"));
            assertThrows(WarehouseException.class, () -> w.count("SELECT count(*) FROM read_csv('/etc/passwd')"));
            assertEquals(11, w.count("SELECT count(*) FROM areas"));
        }
    }

    @Test
    void theConsoleGuardRefusesWritesAttachesAndFileReads() {
        for (String bad : List.of("DELETE FROM observations", "INSERT INTO x VALUES (1)", "ATTACH 'x.db'",
                "INSTALL httpfs", "LOAD httpfs", "COPY observations TO 'x.csv'", "SET threads = 1",
                "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM '/etc/passwd'", "select 1; drop table x",
                "PRAGMA database_list", "CREATE VIEW v AS SELECT 1")) {
            WarehouseException e = assertThrows(WarehouseException.class, () -> ReadOnlyQuery.check(bad), bad);
            assertTrue(e.getMessage().startsWith("refused:"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        }
        assertEquals("SELECT 1", ReadOnlyQuery.check("SELECT 1;"));
        assertEquals("WITH a AS (SELECT 1) SELECT * FROM a", ReadOnlyQuery.check("WITH a AS (SELECT 1) SELECT * FROM a"));
    }

    @Test
    void theWarehouseLayerDependsOnNothingAboveIt(@TempDir Path dir) throws Exception {
        // warehouse/ is below ingest/ and cli/: it names neither (the load points hook in, Warehouse.afterReplace)
        try (var files = java.nio.file.Files.list(Path.of("src/main/java/org/sendscope/warehouse"))) {
            for (Path f : files.toList()) {
                String text = java.nio.file.Files.readString(f);
                for (String above : List.of("org.sendscope.ingest", "org.sendscope.cli")) {
                    assertTrue(!text.contains(above), f + " names " + above);
                }
            }
        }
        // the hook runs once each time a read-write open's copy has replaced the file, and never for a reader
        int[] replaced = {0};
        Runnable was = Warehouse.afterReplace(() -> replaced[0]++);
        try {
            Path file = dir.resolve("w.duckdb");
            Warehouse.open(file).close();
            assertEquals(1, replaced[0]);
            Warehouse.openReadOnly(file).close();
            assertEquals(1, replaced[0]);
        } finally {
            Warehouse.afterReplace(was);
        }
    }
}

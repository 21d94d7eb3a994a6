package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.warehouse.Warehouse;

/**
 * Which warehouse a command uses, one rule for the commands and the kernel; only {@code load} and
 * {@code demo} create one, and say so.
 */
class WarehouseLocationTest {

    @Test
    void theProjectsWarehouseUnlessTheEnvironmentOrTheCommandNamesAnother() {
        assertEquals(Path.of("/srv/sendscope/warehouse/sendscope.duckdb"), Warehouse.resolve(null, null, "/srv/sendscope"));
        assertEquals(Path.of("/data/bcp.duckdb"), Warehouse.resolve(null, "/data/bcp.duckdb", "/srv/sendscope"));
        assertEquals(Path.of("mine.duckdb"), Warehouse.resolve(Path.of("mine.duckdb"), "/data/bcp.duckdb", "/srv/sendscope"));
        // no launcher (a test, an IDE): the working directory's warehouse/ as before
        assertEquals(Path.of("warehouse", "sendscope.duckdb"), Warehouse.resolve(null, null, null));
    }

    @Test
    void aCommandOtherThanLoadOrDemoRefusesToCreateAWarehouse(@TempDir Path dir) {
        Path missing = dir.resolve("typo.duckdb");
        for (String[] args : new String[][] {
                {"forecast", "ehcp", "--all", "--warehouse", missing.toString()},
                {"export", "parquet", dir.resolve("out").toString(), "--warehouse", missing.toString()},
                {"sql", "SELECT 1", "--warehouse", missing.toString()}}) {
            CliRun r = CliRun.of(args);
            assertEquals(1, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("no warehouse at " + missing.toAbsolutePath()), r.err());
            assertFalse(Files.exists(missing), String.join(" ", args) + " created " + missing);
        }
    }

    @Test
    void loadSaysWhenItCreatesANewWarehouse(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("new.duckdb");
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "KPI,Dec-23,Jan-24,Target\nNo. of complaints,5,4,0\n");
        CliRun first = CliRun.of("load", "kpis", csv.toString(), "--area", "E06000058", "--published", "2024-04-30",
                "--warehouse", w.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("creating a new warehouse at " + w.toAbsolutePath() + "\n"), first.out());
        CliRun again = CliRun.of("load", "kpis", csv.toString(), "--area", "E06000058", "--published", "2024-04-30",
                "--warehouse", w.toString());
        assertEquals(0, again.code(), again.err());
        assertFalse(again.out().contains("creating"), again.out());
    }
}

package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer at a time, readers always (docs/decisions/0095-readers-during-loads.md), with two opens
 * in this JVM: a reader during a write sees the warehouse as it was, a second writer is told who
 * holds it, {@code wait} waits, and a killed writer's copy is swept.
 */
class ReadersAndWritersTest {
    private static final String ADD_LOAD = "INSERT INTO load_log (load_id, source, scope, file_name, sha256, vintage, "
            + "started_at, status) VALUES (nextval('load_id_seq'), 't', 't', 'a.csv', 'x', '2024', now(), 'loaded')";
    private static final long PID = ProcessHandle.current().pid();

    @Test
    void aReaderDuringAWriteSeesTheWarehouseBeforeItAndAfterItOnceClosed(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        try (Warehouse writer = Warehouse.open(file)) {
            writer.execute(ADD_LOAD);
            writer.execute(ADD_LOAD);
            assertEquals(2, writer.count("SELECT count(*) FROM loads"));
            try (Warehouse reader = Warehouse.openReadOnly(file)) {
                assertEquals(0, reader.count("SELECT count(*) FROM loads"), "the reader sees the file before the write");
                assertEquals(11, reader.count("SELECT count(*) FROM areas"));
            }
            assertTrue(Files.exists(dir.resolve("w.duckdb.loading-" + PID)), "the writer works on its own copy");
        }
        assertFalse(Files.exists(dir.resolve("w.duckdb.loading-" + PID)), "the copy became the file");
        assertFalse(Files.exists(dir.resolve("w.duckdb.wal")), "the file is whole on its own");
        try (Warehouse reader = Warehouse.openReadOnly(file)) {
            assertEquals(2, reader.count("SELECT count(*) FROM loads"));
        }
    }

    @Test
    void aReaderOpenBeforeAWriteKeepsItsViewAndANewReaderSeesTheNewFile(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        try (Warehouse before = Warehouse.openReadOnly(file)) {
            try (Warehouse writer = Warehouse.open(file)) {
                writer.execute(ADD_LOAD);
            }
            assertEquals(0, before.count("SELECT count(*) FROM loads"), "an open reader keeps what it had");
            try (Warehouse after = Warehouse.openReadOnly(file)) {
                assertEquals(1, after.count("SELECT count(*) FROM loads"));
            }
        }
    }

    @Test
    void aSecondWriterIsToldWhichProcessHoldsTheWarehouseAndWhatToDo(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse first = Warehouse.open(file)) {
            WarehouseInUseException e = assertThrows(WarehouseInUseException.class, () -> Warehouse.open(file));
            String m = e.getMessage();
            assertTrue(m.contains("is in use by PID " + PID), m);
            assertTrue(m.contains("--wait SECONDS"), m);
            assertTrue(m.contains("sql, ask, notebooks"), m);
            assertFalse(m.contains("\n"), "one line: " + m);
            assertFalse(m.toLowerCase().contains("readonly") || m.contains("Conflicting lock"), "not DuckDB's text: " + m);
            assertEquals(PID, e.pid());
        }
        Warehouse.open(file).close(); // released on close
    }

    @Test
    void waitingForTheWriterLockSucceedsOnceTheWriterCloses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        Warehouse first = Warehouse.open(file);
        first.execute(ADD_LOAD);
        long t0 = System.nanoTime();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> {
            try (Warehouse w = Warehouse.open(file, Duration.ofSeconds(30))) {
                w.execute(ADD_LOAD);
                return w.count("SELECT count(*) FROM loads");
            }
        });
        Thread.sleep(1000);
        assertFalse(second.isDone(), "still waiting while the first writer is open");
        first.close();
        assertEquals(2, second.get(30, TimeUnit.SECONDS), "the second writer started from the first one's result");
        assertTrue(System.nanoTime() - t0 >= 1_000_000_000L);

        try (Warehouse held = Warehouse.open(file)) {
            long t1 = System.nanoTime();
            WarehouseInUseException e = assertThrows(WarehouseInUseException.class,
                    () -> Warehouse.open(file, Duration.ofSeconds(1)));
            assertTrue(System.nanoTime() - t1 >= 900_000_000L, "it waited before giving up");
            assertTrue(e.getMessage().contains("after waiting 1 second"), e.getMessage());
        }
    }

    @Test
    void aCopyLeftByAKilledWriterIsSweptAndTheFileIsUntouched(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        Path stale = dir.resolve("w.duckdb.loading-999999");
        Files.writeString(stale, "half a load");
        Files.writeString(dir.resolve("w.duckdb.loading-999999.wal"), "its log");
        Files.createDirectories(dir.resolve("w.duckdb.loading-999999.tmp"));
        Files.writeString(dir.resolve("w.duckdb.loading-999999.tmp").resolve("spill.block"), "spilled");
        try (Warehouse reader = Warehouse.openReadOnly(file)) {
            assertEquals(0, reader.count("SELECT count(*) FROM loads"));
        }
        assertTrue(Files.exists(stale), "readers leave it alone");
        Warehouse.open(file).close();
        assertFalse(Files.exists(stale), "the next writer removed it");
        assertFalse(Files.exists(dir.resolve("w.duckdb.loading-999999.wal")));
        assertFalse(Files.exists(dir.resolve("w.duckdb.loading-999999.tmp")), "and its spill folder");
    }

    @Test
    void aWriteAheadLogLeftBesideTheFileIsKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        Warehouse.open(file).close();
        // Another program (or an older build) that stopped without a checkpoint leaves its changes in the log.
        Properties p = new Properties();
        p.setProperty("jdbc_instance_cache", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, p); Statement s = c.createStatement()) {
            s.execute("SET checkpoint_threshold = '10GB'");
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
            s.execute(ADD_LOAD);
        }
        assertTrue(Files.exists(dir.resolve("w.duckdb.wal")), "the set-up left a log");
        try (Warehouse w = Warehouse.open(file)) {
            assertEquals(1, w.count("SELECT count(*) FROM loads"), "the logged load is in the copy");
            w.execute(ADD_LOAD);
        }
        assertFalse(Files.exists(dir.resolve("w.duckdb.wal")));
        try (Warehouse reader = Warehouse.openReadOnly(file)) {
            assertEquals(2, reader.count("SELECT count(*) FROM loads"));
        }
    }

    @Test
    void anEmptyWarehouseReplacesTheOldOneOnlyWhenItIsClosed(@TempDir Path dir) {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            w.execute(ADD_LOAD);
        }
        try (Warehouse fresh = Warehouse.openEmpty(file, Duration.ZERO)) {
            assertEquals(0, fresh.count("SELECT count(*) FROM loads"), "a new warehouse");
            assertEquals(11, fresh.count("SELECT count(*) FROM areas"), "migrated");
            try (Warehouse reader = Warehouse.openReadOnly(file)) {
                assertEquals(1, reader.count("SELECT count(*) FROM loads"), "readers keep the old one meanwhile");
            }
        }
        try (Warehouse reader = Warehouse.openReadOnly(file)) {
            assertEquals(0, reader.count("SELECT count(*) FROM loads"));
        }
    }

    @Test
    void anInMemoryWarehouseNeedsNoFileNoCopyAndNoLock() {
        try (Warehouse a = Warehouse.inMemory(); Warehouse b = Warehouse.inMemory()) {
            a.execute(ADD_LOAD);
            assertEquals(1, a.count("SELECT count(*) FROM loads"));
            assertEquals(0, b.count("SELECT count(*) FROM loads"));
        }
    }
}

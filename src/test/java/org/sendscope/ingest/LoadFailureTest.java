package org.sendscope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.dfe.Sen2Release;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.WarehouseFingerprint;
import org.sendscope.warehouse.Marts;
import org.sendscope.warehouse.Warehouse;

/**
 * A load that fails part-way — an {@link Error} such as running out of memory, thrown at each named
 * point of a real SEN2 load (the 2025 release, revised by one value so that it supersedes the
 * release already loaded) — leaves the warehouse's content exactly as it was, no load 'loading',
 * and one 'failed' row that {@code status} lists.
 */
class LoadFailureTest {
    static final String R2025 = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";
    /** Points of the load: before the transaction, after its first write, mid-file, after the supersede, before the commit. */
    static final List<String> POINTS = List.of("unpacked", "started", "staged:caseload", "inserted:caseload",
            "inserted:requests", "staged:residential_settings", "written", "superseded", "committing");

    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        LoadPoints.hook = null;
    }

    static void failAt(String point) {
        LoadPoints.hook = p -> {
            if (p.equals(point)) throw new OutOfMemoryError("injected at " + point);
        };
    }

    @Test
    void anErrorAtAnyPointOfARealLoadChangesNothing() throws Exception {
        Path revised = revised2025(dir);
        try (Warehouse w = Warehouse.inMemory()) {
            LoadResult first = Sen2Release.load(w, SharedData.dfe(R2025), null);
            Map<String, String> before = WarehouseFingerprint.of(w);
            for (String point : POINTS) {
                failAt(point);
                OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> Sen2Release.load(w, revised, null), point);
                assertEquals("injected at " + point, e.getMessage());
                assertEquals(before, WarehouseFingerprint.of(w), "an Error at '" + point + "' changed the warehouse");
                assertEquals(0, w.count("SELECT count(*) FROM loads WHERE status = 'loading'"), point);
                assertTrue(w.connection().getAutoCommit(), "autocommit is back on after the rollback at " + point);
                assertEquals(1, w.count("SELECT count(*) FROM loads WHERE status = 'loaded' AND source = 'dfe-ehcp'"), point);
                assertEquals(first.loadId(), w.count("SELECT load_id FROM loads WHERE status = 'loaded'"), point);
            }
            // 'unpacked' is before the load's transaction begins: nothing to record; every other point leaves a failed row
            assertEquals(POINTS.size() - 1, w.count("SELECT count(*) FROM loads WHERE status = 'failed' "
                    + "AND message = 'java.lang.OutOfMemoryError: injected at ' || split_part(message, ' at ', 2)"));
            LoadPoints.hook = null;
            LoadResult ok = Sen2Release.load(w, revised, null);
            assertEquals(3267, w.count("SELECT value FROM observations WHERE area_code = 'E06000058' AND measure = 'ehc_plans' "
                    + "AND breakdown = 'total' AND period_label = '202223'"), "the revised value (was 3266) is in force");
            assertEquals("superseded", string(w, "SELECT status FROM loads WHERE load_id = " + first.loadId()));
            assertEquals(ok.loadId(), w.count("SELECT load_id FROM loads WHERE status = 'loaded'"));
        }
    }

    @Test
    void anErrorThroughTheCommandLineExitsTwoAndStatusListsTheFailedLoad() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        Path mini = Path.of("src/test/resources/bad/txn-mini-2019.zip");
        failAt("inserted:caseload");
        CliRun r = CliRun.of("load", "dfe-ehcp", mini.toString(), "--warehouse", warehouse.toString());
        LoadPoints.hook = null;
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("internal error: java.lang.OutOfMemoryError: injected at inserted:caseload"), r.err());
        CliRun status = CliRun.of("status", "--warehouse", warehouse.toString());
        assertTrue(status.out().contains("Loads refused or failed"), status.out());
        assertTrue(status.out().contains("failed") && status.out().contains("injected at inserted:caseload"), status.out());
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertEquals(0, w.count("SELECT count(*) FROM observations"));
            assertEquals(0, w.count("SELECT count(*) FROM load_parts"));
        }
    }

    @Test
    void aRefusedLoadIsRecordedAndListedByStatus() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        String bad = "src/test/resources/bad/";
        assertEquals(0, CliRun.of("load", "dfe-ehcp", bad + "txn-mini-2019.zip", "--warehouse", warehouse.toString()).code());
        CliRun r = CliRun.of("load", "dfe-ehcp", bad + "txn-mini-2019-no-requests.zip", "--warehouse", warehouse.toString());
        assertEquals(1, r.code(), r.err());
        CliRun status = CliRun.of("status", "--warehouse", warehouse.toString());
        assertTrue(status.out().contains("refused") && status.out().contains("txn-mini-2019-no-requests.zip")
                && status.out().contains("file requests.csv"), status.out());
        // a refusal before the load's transaction began is listed too
        Path notAZip = dir.resolve("release.zip");
        Files.writeString(notAZip, "this is a note, not a zip\n");
        assertEquals(1, CliRun.of("load", "dfe-ehcp", notAZip.toString(), "--warehouse", warehouse.toString()).code());
        CliRun listed = CliRun.of("status", "--warehouse", warehouse.toString());
        assertTrue(listed.out().contains("not a readable zip archive"), listed.out());
        // --replace lets the same file through: the release then has no request figures
        CliRun replaced = CliRun.of("load", "dfe-ehcp", bad + "txn-mini-2019-no-requests.zip", "--replace",
                "--warehouse", warehouse.toString());
        assertEquals(0, replaced.code(), replaced.err());
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertEquals(0, w.count("SELECT count(*) FROM observations WHERE measure = 'ehc_requests'"));
            // made-up count in txn-make-inputs.py: Bedford, January 2019 = 110, plus the revision's 1
            assertEquals(111, w.count("SELECT value FROM observations WHERE area_code = 'E06000055' AND measure = 'ehc_plans' "
                    + "AND breakdown = 'total' AND period_label = '201819'"));
        }
    }

    @Test
    void aLoadLeftLoadingIsFailedOnTheNextOpenAndItsRowsRemoved() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(warehouse)) {
            Sen2Release.load(w, Path.of("src/test/resources/bad/txn-mini-2019.zip"), null);
            // what an older build left after an Error: the rows committed, the load still 'loading'
            w.execute("UPDATE load_log SET status = 'loading', finished_at = NULL");
            assertEquals(384, w.count("SELECT count(*) FROM observations"));
        }
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertEquals("failed", string(w, "SELECT status FROM loads"));
            assertTrue(string(w, "SELECT message FROM loads").contains("interrupted"));
            assertEquals(0, w.count("SELECT count(*) FROM observations"));
            assertEquals(0, w.count("SELECT count(*) FROM area_fact"));
        }
    }

    /** A load left 'loading' with no rows (it died before writing any) is failed on the next open; the marts need no refresh. */
    @Test
    void aLoadLeftLoadingWithNoRowsIsFailedWithoutRecomputingTheMarts() throws Exception {
        Path warehouse = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(warehouse)) {
            Sen2Release.load(w, Path.of("src/test/resources/bad/txn-mini-2019.zip"), null);
        }
        try (Warehouse w = Warehouse.open(warehouse)) {
            w.execute("INSERT INTO load_log (load_id, source, scope, file_name, sha256, vintage, started_at, status) "
                    + "VALUES (nextval('load_id_seq'), 'dfe-ehcp', 'dfe-ehcp|x', 'x.zip', 'x', '2020', now(), 'loading')");
        }
        List<Marts.Refresh> refreshes = new java.util.ArrayList<>();
        var was = Marts.observe(refreshes::add);
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertEquals(List.of(), refreshes);
            assertEquals("failed", string(w, "SELECT status FROM loads WHERE file_name = 'x.zip'"));
            assertEquals(384, w.count("SELECT count(*) FROM observations"));
        } finally {
            Marts.observe(was);
        }
    }

    @Test
    void aFailedLoadLeavesNoTempFolder() throws Exception {
        failAt("staged:caseload");
        try (Warehouse w = Warehouse.inMemory()) {
            assertThrows(OutOfMemoryError.class, () -> Sen2Release.load(w, SharedData.dfe(R2025), null));
        }
        LoadPoints.hook = null;
        String mine = "sendscope-load-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> s = Files.list(LoadTemp.tempRoot())) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(mine)).toList());
        }
    }

    @Test
    void foldersOfDeadProcessesAreSweptAndLiveOnesKept() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process alive = new ProcessBuilder("sleep", "60").start();
        try {
            Path dead = Files.createDirectories(dir.resolve("sendscope-load-" + gone.pid() + "-123/inner"));
            Files.writeString(dead.resolve("0-caseload.csv"), "time_period\n");
            Path live = Files.createDirectories(dir.resolve("sendscope-load-" + alive.pid() + "-456"));
            Path self = Files.createDirectories(dir.resolve("sendscope-load-" + ProcessHandle.current().pid() + "-789"));
            Path other = Files.createDirectories(dir.resolve("something-else-1"));
            assertEquals(1, LoadTemp.sweepStale(dir));
            assertTrue(Files.notExists(dead.getParent()));
            assertTrue(Files.isDirectory(live) && Files.isDirectory(self) && Files.isDirectory(other));
        } finally {
            alive.destroyForcibly();
        }
    }

    static String string(Warehouse w, String sql) throws Exception {
        try (var s = w.connection().createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A copy of the 2025 release (temp folder, this test only) with BCP's January 2023 count 3266 made 3267. */
    static Path revised2025(Path dir) throws IOException {
        Path out = dir.resolve("revised-2025.zip");
        try (ZipFile in = new ZipFile(SharedData.dfe(R2025).toFile());
             ZipOutputStream zo = new ZipOutputStream(Files.newOutputStream(out))) {
            Enumeration<? extends ZipEntry> es = in.entries();
            while (es.hasMoreElements()) {
                ZipEntry e = es.nextElement();
                zo.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    byte[] bytes = is.readAllBytes();
                    if (e.getName().endsWith("/caseload.csv")) {
                        String t = new String(bytes, StandardCharsets.UTF_8);
                        String row = "E06000058,839,\"Bournemouth, Christchurch and Poole\",All EHC plans,All EHC plans,3266,";
                        assertTrue(t.contains(row));
                        bytes = t.replace(row, row.replace(",3266,", ",3267,")).getBytes(StandardCharsets.UTF_8);
                    }
                    zo.write(bytes);
                }
                zo.closeEntry();
            }
        }
        return out;
    }
}

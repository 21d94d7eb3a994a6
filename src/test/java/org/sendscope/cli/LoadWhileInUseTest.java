package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.ChildJvm;
import org.sendscope.testing.CliRun;
import org.sendscope.warehouse.HoldForWriting;
import org.sendscope.warehouse.HoldWithDuckDb;
import org.sendscope.warehouse.Warehouse;

/**
 * Two real processes: another process has the warehouse open for writing (a load in progress).
 * Questions still answer, from the warehouse as it was; a load is refused with the holder's PID and
 * what to do, and with {@code --wait} it waits and then loads.
 */
class LoadWhileInUseTest {

    @Test
    void whileAnotherProcessLoadsQuestionsAnswerAndALoadSaysWhoHoldsIt(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Warehouse.open(w).close();
        Path kpis = dir.resolve("kpis.csv");
        Files.writeString(kpis, "kpi,period,value\nehc_20wk_pct_incl_exc,Jan-24,41.5%\nehc_20wk_pct_incl_exc,Feb-24,44%\n");

        Process holder = ChildJvm.start(HoldForWriting.class, w.toString());
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("open", said.readLine(), "the other process has the warehouse open for writing");

            CliRun sql = CliRun.of("sql", "SELECT count(*) AS loads FROM loads", "--format", "csv", "--warehouse", w.toString());
            assertEquals(0, sql.code(), sql.err());
            assertEquals("loads\n0\n", sql.out(), "the reader sees the warehouse before the other process's load");

            CliRun refused = CliRun.of("load", "kpis", kpis.toString(), "--area", "E06000058", "--published", "2024-03-31",
                    "--warehouse", w.toString());
            assertEquals(1, refused.code(), refused.err());
            String m = refused.err().strip();
            assertTrue(m.startsWith("sendscope: the warehouse " + w + " is in use by PID " + holder.pid() + " ("), m);
            assertTrue(m.contains("add --wait SECONDS"), m);
            assertFalse(m.contains("\n"), "one line: " + m);
            assertFalse(m.toLowerCase().contains("readonly") || m.contains("Conflicting lock"), "not DuckDB's text: " + m);

            CliRun status = CliRun.of("status", "--warehouse", w.toString());
            assertEquals(0, status.code(), status.err());

            // --wait: the other process finishes after a second and a half; the load then goes ahead.
            OutputStream toHolder = holder.getOutputStream();
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                    toHolder.write("done\n".getBytes(StandardCharsets.UTF_8));
                    toHolder.flush();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long t0 = System.nanoTime();
            CliRun waited = CliRun.of("load", "kpis", kpis.toString(), "--area", "E06000058", "--published", "2024-03-31",
                    "--wait", "60", "--warehouse", w.toString());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            release.get(10, TimeUnit.SECONDS);
            assertEquals(0, waited.code(), waited.err());
            assertTrue(ms >= 1000, "it waited for the other process (" + ms + " ms)");
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());

            CliRun after = CliRun.of("sql", "SELECT string_agg(regexp_extract(file_name, '[^/]*$'), ' ' ORDER BY load_id) AS files, "
                    + "(SELECT count(*) FROM observations_all_vintages WHERE area_code = 'E06000058') AS values "
                    + "FROM loads", "--format", "csv", "--warehouse", w.toString());
            assertEquals("files,values\nheld.csv kpis.csv,2\n", after.out(), "both writers' work is kept, in order");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aWriterKilledMidWayLeavesTheFileAsItWasAndItsCopyIsSwept(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Warehouse.open(w).close();
        Process holder = ChildJvm.start(HoldForWriting.class, w.toString());
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("open", said.readLine());
        Path copy = dir.resolve("w.duckdb.loading-" + holder.pid());
        assertTrue(Files.exists(copy), "the writer works on " + copy);
        holder.destroyForcibly(); // SIGKILL: no close, no clean-up
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(copy), "a killed writer leaves its copy");

        CliRun sql = CliRun.of("sql", "SELECT count(*) AS loads FROM loads", "--format", "csv", "--warehouse", w.toString());
        assertEquals("loads\n0\n", sql.out(), "the file is as it was before the killed write");
        Path kpis = dir.resolve("kpis.csv");
        Files.writeString(kpis, "kpi,period,value\nehc_20wk_pct_incl_exc,Jan-24,41.5%\n");
        CliRun load = CliRun.of("load", "kpis", kpis.toString(), "--area", "E06000058", "--published", "2024-03-31",
                "--warehouse", w.toString());
        assertEquals(0, load.code(), "the lock died with its holder: " + load.err());
        assertFalse(Files.exists(copy), "the next writer swept the copy");
    }

    @Test
    void anotherProgramWithTheFileOpenReadWriteIsNamedInSendscopesWords(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Warehouse.open(w).close();
        Path kpis = dir.resolve("kpis.csv");
        Files.writeString(kpis, "kpi,period,value\nehc_20wk_pct_incl_exc,Jan-24,41.5%\n");
        Process other = ChildJvm.start(HoldWithDuckDb.class, w.toString());
        try {
            assertEquals("open", new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
                    .readLine());
            for (String[] args : List.of(
                    new String[] {"sql", "SELECT 1", "--warehouse", w.toString()},
                    new String[] {"load", "kpis", kpis.toString(), "--area", "E06000058", "--published", "2024-03-31",
                            "--warehouse", w.toString()})) {
                CliRun r = CliRun.of(args);
                String m = r.err().strip();
                assertEquals(1, r.code(), args[0] + ": " + m);
                assertTrue(m.startsWith("sendscope: the warehouse " + w + " is in use by PID " + other.pid() + " ("), m);
                assertTrue(m.contains("close it there and try again"), m);
                assertFalse(m.contains("\n"), "one line: " + m);
                assertFalse(m.contains("-readonly") || m.contains("Conflicting lock"), "not DuckDB's text: " + m);
            }
            assertEquals(List.of("w.duckdb", "w.duckdb.lock"), files(dir).stream().filter(f -> f.startsWith("w.")).toList(),
                    "no copy was made of a file another program is changing");
        } finally {
            other.destroyForcibly();
            other.waitFor(30, TimeUnit.SECONDS);
        }
        CliRun load = CliRun.of("load", "kpis", kpis.toString(), "--area", "E06000058", "--published", "2024-03-31",
                "--warehouse", w.toString());
        assertEquals(0, load.code(), load.err());
    }

    private static List<String> files(Path dir) throws java.io.IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void waitMustNotBeNegative(@TempDir Path dir) {
        CliRun r = CliRun.of("load", "kpis", dir.resolve("x.csv").toString(), "--area", "E06000058", "--wait", "-3",
                "--warehouse", dir.resolve("w.duckdb").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--wait takes a whole number of seconds, 0 or more, not '-3'"), r.err());
    }
}

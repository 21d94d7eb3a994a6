package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadPoints;
import org.sendscope.ingest.dfe.Sen2Release;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.WarehouseFingerprint;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code kill -9} during a real load: {@code sendscope load dfe-ehcp} of the real 2025 release runs
 * in its own JVM over a warehouse holding a small release of the same year (so the load supersedes
 * it), pauses at a named point ({@link LoadPoints#PAUSE_AT}) and is killed there with SIGKILL. The
 * warehouse must then open and hold exactly the before or the after state: the before state at
 * every point up to and including the commit (a load commits into a working copy of the file,
 * decision 0095), the after state once the copy has replaced the file. {@code -Dsendscope.crash.points=N}
 * kills at more points (up to every file staged and inserted).
 */
class KillDuringLoadTest {
    static final String R2025 = "ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip";
    static final Path MINI = Path.of("src/test/resources/bad/txn-mini-2025.zip");
    static final List<String> FILES = List.of("caseload", "newplans", "requests", "assessments", "timeliness_20_week",
            "ceased_plans", "personal_budgets", "residential_settings");

    static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    @TempDir
    Path dir;

    /** The points, the default few first: outside the transaction, inside it at each stage, after the commit. */
    static List<String> points() {
        List<String> all = new ArrayList<>(List.of("unpacked", "started", "inserted:caseload", "staged:requests",
                "written", "superseded", "committing", "committed", "replaced"));
        for (String f : FILES) {
            for (String p : List.of("staged:" + f, "inserted:" + f)) if (!all.contains(p)) all.add(p);
        }
        int n = Integer.getInteger("sendscope.crash.points", 9);
        return all.subList(0, Math.min(Math.max(n, 5), all.size()));
    }

    @Test
    void aLoadKilledAtAnyPointLeavesTheBeforeOrTheAfterState() throws Exception {
        Path release = SharedData.dfe(R2025);
        Path beforeFile = dir.resolve("before.duckdb");
        try (Warehouse w = Warehouse.open(beforeFile)) {
            Sen2Release.load(w, MINI, null);
        }
        Map<String, String> before = fingerprint(beforeFile);
        Path afterFile = copy(beforeFile, "after.duckdb");
        Process clean = child(release, afterFile, null);
        String out = drain(clean);
        assertTrue(clean.waitFor(300, TimeUnit.SECONDS), "the clean load did not finish");
        assertEquals(0, clean.exitValue(), out);
        Map<String, String> after = fingerprint(afterFile);
        assertTrue(!before.equals(after), "the load must change something for this test to mean anything");

        List<String> points = points();
        String leftBehind = null;
        for (String point : points) {
            Path file = copy(beforeFile, "killed-" + point.replace(':', '-') + ".duckdb");
            Process p = child(release, file, point);
            String seen = awaitPause(p, point);
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no close
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            Map<String, String> state = fingerprint(file);
            Map<String, String> expected = point.equals("replaced") ? after : before;
            assertEquals(expected, state, "killed at '" + point + "': the warehouse holds neither the before nor the "
                    + "after state\n" + seen);
            try (Warehouse w = Warehouse.open(file)) {
                assertEquals(0, w.count("SELECT count(*) FROM loads WHERE status = 'loading'"), point);
            }
            if (point.equals("unpacked")) {
                leftBehind = "sendscope-load-" + p.pid() + "-";
                assertEquals(1, count(TMP, leftBehind), "the killed load's unpacked release is left behind");
            }
        }
        // the next load (in the next child JVM) swept the folder the killed one left
        assertEquals(0, count(TMP, leftBehind), "the folder of the load killed when unpacked was not swept");
        System.out.println("kill -9 at " + points.size() + " points, each left the before or the after state: " + points);
        // a killed warehouse is fully usable: the same load, run again, gives the after state
        Path last = dir.resolve("killed-" + points.get(points.size() - 2).replace(':', '-') + ".duckdb");
        Process again = child(release, last, null);
        String o = drain(again);
        assertTrue(again.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, again.exitValue(), o);
        assertEquals(after, fingerprint(last));
    }

    static long count(Path tmp, String prefix) throws IOException {
        if (prefix == null) return 0;
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(x -> x.getFileName().toString().startsWith(prefix)).count();
        }
    }

    Path copy(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    static Map<String, String> fingerprint(Path file) throws Exception {
        try (Warehouse w = Warehouse.open(file)) {
            return WarehouseFingerprint.of(w);
        }
    }

    /** {@code sendscope load dfe-ehcp RELEASE --warehouse FILE} in a JVM of its own, pausing at {@code point} if given. */
    static Process child(Path release, Path warehouse, String point) throws IOException {
        String classpath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator
                + Files.readString(Path.of("target", "classpath.txt")).strip();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath));
        if (point != null) cmd.add("-D" + LoadPoints.PAUSE_AT + "=" + point);
        cmd.addAll(List.of(Main.class.getName(), "load", "dfe-ehcp", release.toString(), "--warehouse", warehouse.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it says it paused at {@code point}; fails if it ends first. */
    static String awaitPause(Process p, String point) throws Exception {
        String marker = "sendscope: paused at " + point;
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> paused = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (seen) {
                        seen.append(line).append('\n');
                    }
                    if (line.equals(marker)) return true;
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        Boolean ok = paused.get(300, TimeUnit.SECONDS);
        if (!ok) {
            p.destroyForcibly();
            fail("the load never reached '" + point + "':\n" + seen);
        }
        synchronized (seen) {
            return seen.toString();
        }
    }

    static String drain(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}

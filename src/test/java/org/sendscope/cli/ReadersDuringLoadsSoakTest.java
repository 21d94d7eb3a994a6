package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.kernel.Sendscope;
import org.sendscope.testing.ChildJvm;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.SharedData;
import tech.tablesaw.api.Table;

/**
 * Issue 9 item 6: readers are never turned away. For {@code -Dsendscope.soak.seconds} (default 60)
 * another process loads a new version of a KPI file every {@code -Dsendscope.soak.interval.seconds}
 * (default 5) into a warehouse that also holds a real SEN2 release, while four readers ask
 * questions without pause: two {@code sendscope sql}, one {@code sendscope ask}, one notebook facade
 * kept open throughout. Every load writes twelve months with one value, different from the previous
 * load's; every read must answer, and see exactly one load's twelve months (the one before a load or
 * the one after, never a mixture), never an older load than it saw before, and the same value for a
 * load as every other reader saw, with the SEN2 rows unchanged.
 */
class ReadersDuringLoadsSoakTest {
    private static final String QUERY = "SELECT count(*) AS n, count(DISTINCT value) AS vals, count(DISTINCT load_id) AS "
            + "loads, max(load_id) AS load_id, max(value) AS value, (SELECT count(*) FROM loads WHERE source = 'kpis' "
            + "AND status = 'loaded') AS in_force, (SELECT count(*) FROM observations_all_vintages WHERE source <> "
            + "'kpis:soak') AS base FROM observations_all_vintages WHERE source = 'kpis:soak'";
    private static final Pattern ASK_SENTENCE = Pattern.compile("Aug-24: (\\d+(?:\\.\\d+)?)% \\((\\d+(?:\\.\\d+)?)% in Jul-24: flat\\)");
    private static final Pattern ASK_SOURCE = Pattern.compile("load (\\d+): kpis \\S*soak\\.csv");

    private final Map<Long, Long> valueOfLoad = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong slowestMs = new AtomicLong();
    private final AtomicLong duringALoad = new AtomicLong();
    private Path folder;
    private long base;

    @Test
    void fourReadersAnswerEveryTimeWhileALoadRunsEveryFewSeconds(@TempDir Path dir) throws Exception {
        long seconds = Long.getLong("sendscope.soak.seconds", 60);
        long interval = Long.getLong("sendscope.soak.interval.seconds", 5);
        Path w = dir.resolve("w.duckdb");
        folder = dir;
        Path csv = dir.resolve("soak.csv");
        CliRun sen2 = CliRun.of("load", "dfe-ehcp", SharedData.dfe("ehc-plans/education-health-and-care-plans_2022.zip")
                .toString(), "--warehouse", w.toString());
        assertEquals(0, sen2.code(), sen2.err());
        Files.writeString(csv, soakFile(0));
        CliRun first = CliRun.of("load", "kpis", csv.toString(), "--area", "E06000058", "--published", "2024-08-31",
                "--warehouse", w.toString());
        assertEquals(0, first.code(), first.err());
        long[] start = readSql(w);
        base = start[6];
        assertTrue(base > 10_000, "the SEN2 release is in (" + base + " rows)");

        AtomicBoolean stop = new AtomicBoolean();
        Sendscope notebook = Sendscope.open(w);
        List<Reader> readers = List.of(
                new Reader("sql 1", stop, last -> check("sql 1", readSql(w), last)),
                new Reader("sql 2", stop, last -> check("sql 2", readSql(w), last)),
                new Reader("ask", stop, last -> readAsk(w, last)),
                new Reader("notebook", stop, last -> check("notebook", readTable(notebook.sql(QUERY)), last)));
        Process loader = ChildJvm.start(LoadEveryFewSeconds.class, w.toString(), csv.toString(),
                String.valueOf(seconds * 1000), String.valueOf(interval * 1000));
        List<String> loads = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine(), "the loader started");
            readers.forEach(Thread::start);
            loader.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
            loader.getOutputStream().flush();
            for (String line; (line = out.readLine()) != null; ) {
                if (line.matches("load \\d+ \\d+ \\d+ \\d+ ms")) loads.add(line);
            }
        }
        assertTrue(loader.waitFor(seconds + 120, TimeUnit.SECONDS), "the loader finished");
        // Every reader finishes at least one read begun after the last load, then they stop.
        long loaderDone = System.nanoTime();
        long giveUp = loaderDone + TimeUnit.SECONDS.toNanos(120);
        while (readers.stream().anyMatch(r -> r.lastDoneStartedAt - loaderDone < 0) && System.nanoTime() - giveUp < 0) {
            Thread.sleep(100);
        }
        stop.set(true);
        for (Reader r : readers) r.join(TimeUnit.SECONDS.toMillis(60));

        long[] end = readSql(w);
        Long lastValue = valueOfLoad.get(end[3]);
        long failed = problems.stream().filter(p -> p.contains(" failed: ")).count();
        String summary = String.format("soak: %d s, a load every %d s: %d loads (%d refused); 4 readers: %d reads "
                        + "(%d begun while a load was under way), %d failed, %d inconsistent; slowest read %d ms; reads per "
                        + "reader %s; loads (k, value, exit, time) %s", seconds, interval,
                loads.size(), loads.stream().filter(l -> !l.split(" ")[3].equals("0")).count(), reads.get(),
                duringALoad.get(), failed,
                problems.size() - failed, slowestMs.get(), readers.stream().map(r -> r.name + "=" + r.count).toList(), loads);
        System.out.println(summary);
        assertEquals(List.of(), problems, summary);
        assertTrue(duringALoad.get() > 0, "some reads overlapped a load: " + summary);
        assertEquals(0, loads.stream().filter(l -> !l.split(" ")[3].equals("0")).count(), "every load went in: " + loads);
        // On a busy machine a load can take longer than the interval; the loader then starts the next at once.
        assertTrue(loads.size() >= 2, "loads replaced the file while the readers read: " + loads);
        String lastLoad = loads.get(loads.size() - 1);
        assertEquals(Long.parseLong(lastLoad.split(" ")[2]), end[4], "the warehouse ends with the last load's value");
        assertEquals(end[4], lastValue == null ? -1 : lastValue, "the readers saw the last load");
        for (Reader r : readers) {
            assertTrue(r.count >= 5, r.name + " read " + r.count + " times");
            assertEquals(end[3], r.lastLoad, r.name + " saw the final load (a long-lived reader follows the file)");
        }
    }

    /** Twelve months of one KPI, all with the k-th load's value. */
    private static String soakFile(int k) {
        StringBuilder s = new StringBuilder("kpi,period,value\n");
        for (String m : LoadEveryFewSeconds.MONTHS) {
            s.append("ehc_20wk_pct_incl_exc,").append(m).append(',').append(LoadEveryFewSeconds.value(k)).append("%\n");
        }
        return s.toString();
    }

    private static long[] readSql(Path w) {
        CliRun r = CliRun.of("sql", QUERY, "--format", "csv", "--warehouse", w.toString());
        if (r.code() != 0) throw new IllegalStateException("exit " + r.code() + ": " + r.err().strip());
        String[] lines = r.out().strip().split("\n");
        if (lines.length != 2 || !lines[0].equals("n,vals,loads,load_id,value,in_force,base")) {
            throw new IllegalStateException("unexpected output: " + r.out());
        }
        String[] f = lines[1].split(",");
        long[] v = new long[f.length];
        for (int i = 0; i < f.length; i++) v[i] = f[i].isEmpty() ? -1 : Math.round(Double.parseDouble(f[i]));
        return v;
    }

    private static long[] readTable(Table t) {
        long[] v = new long[t.columnCount()];
        for (int i = 0; i < v.length; i++) {
            Object o = t.column(i).get(0);
            v[i] = o == null ? -1 : Math.round(((Number) o).doubleValue());
        }
        return v;
    }

    /** One snapshot: one load's twelve months, one value, one load in force, the base rows intact. */
    private long check(String who, long[] v, long lastLoad) {
        long n = v[0], vals = v[1], loads = v[2], loadId = v[3], value = v[4], inForce = v[5], rows = v[6];
        if (n != 12 || vals != 1 || loads != 1 || inForce != 1 || rows != base) {
            problems.add(who + " inconsistent: n=" + n + " values=" + vals + " loads=" + loads + " in force=" + inForce
                    + " base rows=" + rows + " (expected 12, 1, 1, 1, " + base + ")");
        }
        return sameAsOthers(who, loadId, value, lastLoad);
    }

    private long readAsk(Path w, long lastLoad) {
        CliRun r = CliRun.of("ask", "twenty_week_timeliness", "--area", "E06000058", "--as-of", "2024-08-31",
                "--warehouse", w.toString());
        if (r.code() != 0) throw new IllegalStateException("exit " + r.code() + ": " + r.err().strip());
        Matcher sentence = ASK_SENTENCE.matcher(r.out());
        Matcher source = ASK_SOURCE.matcher(r.out());
        if (!sentence.find() || !source.find()) {
            problems.add("ask inconsistent: no flat Aug-24 on Jul-24 answer naming one soak load: " + r.out());
            return lastLoad;
        }
        long loadId = Long.parseLong(source.group(1));
        if (!sentence.group(1).equals(sentence.group(2)) || source.find()) {
            problems.add("ask inconsistent: " + sentence.group() + " from more than one load");
        }
        return sameAsOthers("ask", loadId, Math.round(Double.parseDouble(sentence.group(1))), lastLoad);
    }

    /** A reader never goes back to an older load, and a load has one value whoever reads it. */
    private long sameAsOthers(String who, long loadId, long value, long lastLoad) {
        if (loadId < lastLoad) problems.add(who + " inconsistent: saw load " + loadId + " after load " + lastLoad);
        Long seen = valueOfLoad.putIfAbsent(loadId, value);
        if (seen != null && seen != value) {
            problems.add(who + " inconsistent: load " + loadId + " has value " + value + ", another reader saw " + seen);
        }
        return Math.max(loadId, lastLoad);
    }

    /** A load is under way while its working copy exists beside the warehouse. */
    private boolean loadInProgress() {
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("w.duckdb.loading-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private interface Read {
        long read(long lastLoad) throws Exception;
    }

    private final class Reader extends Thread {
        final String name;
        final AtomicBoolean stop;
        final Read read;
        volatile long count;
        volatile long lastLoad;
        volatile long lastDoneStartedAt = Long.MIN_VALUE / 2;

        Reader(String name, AtomicBoolean stop, Read read) {
            super("soak reader " + name);
            this.name = name;
            this.stop = stop;
            this.read = read;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long t0 = System.nanoTime();
                if (loadInProgress()) duringALoad.incrementAndGet();
                try {
                    lastLoad = read.read(lastLoad);
                } catch (Exception | Error e) {
                    problems.add(name + " failed: " + e);
                }
                slowestMs.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
                lastDoneStartedAt = t0;
                count++;
                reads.incrementAndGet();
                try {
                    Thread.sleep(200); // leave the loader some of a small machine's CPU
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}

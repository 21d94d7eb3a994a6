package org.sendscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The soak test's writer, a separate process: once it has said {@code ready} and been told to go
 * (a line on standard input), every {@code interval} ms for {@code duration} ms it
 * rewrites {@code soak.csv} (twelve months of one KPI, every month the same value, a new value each
 * time) and runs {@code sendscope load kpis} on it, which replaces the previous load. Prints
 * {@code load K VALUE EXIT MS ms} after each.
 */
public final class LoadEveryFewSeconds {
    /** The twelve months of the soak file: September 2023 to August 2024 (an academic year). */
    static final List<String> MONTHS = List.of("Sep-23", "Oct-23", "Nov-23", "Dec-23", "Jan-24", "Feb-24", "Mar-24",
            "Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24");

    /** The value every row of the k-th load has: consecutive loads differ. */
    static int value(int k) {
        return k % 90 + 1;
    }

    public static void main(String[] args) throws Exception {
        Path warehouse = Path.of(args[0]);
        Path csv = Path.of(args[1]);
        long durationMs = Long.parseLong(args[2]);
        long intervalMs = Long.parseLong(args[3]);
        // Start-up (the JVM, DuckDB's native library) is not part of the soak: warm up, then wait for "go".
        org.sendscope.warehouse.Warehouse.openReadOnly(warehouse).close();
        System.out.println("ready");
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
        long start = System.currentTimeMillis();
        for (int k = 1; System.currentTimeMillis() - start < durationMs; k++) {
            StringBuilder s = new StringBuilder("kpi,period,value\n");
            for (String m : MONTHS) s.append("ehc_20wk_pct_incl_exc,").append(m).append(',').append(value(k)).append("%\n");
            Files.writeString(csv, s);
            long t0 = System.nanoTime();
            int code = Main.commandLine().execute("load", "kpis", csv.toString(), "--area", "E06000058",
                    "--published", "2024-08-31", "--wait", "30", "--warehouse", warehouse.toString());
            System.out.println("load " + k + " " + value(k) + " " + code + " " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            System.out.flush();
            long next = start + k * intervalMs;
            long sleep = next - System.currentTimeMillis();
            if (sleep > 0) Thread.sleep(sleep);
        }
        System.out.println("done");
        System.out.flush();
    }
}

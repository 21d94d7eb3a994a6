package org.sendscope.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.sendscope.spark.SynthTargets.AreaTargets;
import org.sendscope.warehouse.PublicViews;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope bench spark}: the {@code aggregate} job against data size and cores, and the
 * {@code comparisons} job against DuckDB computing the {@code benchmark_comparison} mart, each as a ratio to a single-machine DuckDB run
 * in the same process on the same Parquet. Sessions are started before the clock starts (start-up
 * excluded); each figure is the median of {@code repeats} runs after untimed ones, since the JIT
 * compiles Spark's generated code over its first several runs (docs/decisions/0217):
 * {@code warmups} of {@code comparisons} and of its reference (the job's first is shown as well),
 * {@code warmups} of {@code aggregate} on the largest size in the JVM's first session and one in
 * each later session. The
 * {@code aggregate} runs are taken in {@code repeats} rounds, each starting a session on all the
 * cores and then one on a single thread (one SparkContext per JVM), so that the JIT's warm-up does
 * not favour whichever is timed later.
 */
public final class SynthBench {
    /** One size: rows, and seconds for DuckDB and for Spark on 1 and on {@code cores} threads. */
    public record SizeRow(double millions, long rows, double duckdb, double oneCore, double cores) {
    }

    /**
     * The comparisons figures, or a reason they were not measured: the medians after the warm-up,
     * and the job's first run in the session ({@code sparkFirst}), which generates and compiles its code.
     */
    public record Comparisons(double duckdb, double spark, double sparkFirst, long rows, String notMeasured) {
    }

    private SynthBench() {
    }

    /** Runs the benchmark and prints its table; {@code sizes} in millions of person-year rows. */
    public static void run(Warehouse w, Path warehouseFile, double[] sizes, int cores, int repeats, int warmups,
            PrintWriter out) {
        Path work;
        try {
            work = Files.createTempDirectory("sendscope-bench-spark-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<AreaTargets> targets = SynthTargets.read(w, Set.of(), 1900, 2999);
            long full = SynthTargets.records(targets, 1);
            if (full == 0) throw new JobException("no SEN2 figures in the warehouse: load them first (sendscope load dfe-ehcp …)");
            out.printf("bench spark: %,d person-year rows at full size (every LA, every published year); %d repeats, median"
                    + " (comparisons after %d warm-up runs)%n", full, repeats, warmups);
            out.flush();
            List<Path> data = new ArrayList<>();
            List<SizeRow> rows = new ArrayList<>();
            Path exported = work.resolve("export");
            boolean exportedOk = export(w, exported, out);
            // each size's runs on each number of threads, taken in rounds that alternate the two
            // sessions, so that neither is always timed in a JVM less warmed than the other's
            Map<Integer, List<double[]>> spark = new LinkedHashMap<>();
            Comparisons comparisons = null;
            int[] order = cores > 1 ? new int[] {cores, 1} : new int[] {1};
            for (int round = 0; round < repeats; round++) {
                for (int threads : order) {
                    try (SparkSessions.Started s = SparkSessions.start("local[" + threads + "]")) {
                        SparkSession session = s.session();
                        // the first session (all the cores) also generates the data
                        boolean firstSession = data.isEmpty();
                        if (firstSession) {
                            for (double m : sizes) {
                                Path d = work.resolve("rows-" + m + "M");
                                SynthSen2.Result r = SynthSen2.write(session, targets,
                                        new SynthSen2.Settings(1, m * 1e6 / full, 1900, 2999, 16), Map.of(), d.toString());
                                data.add(d);
                                rows.add(new SizeRow(m, r.rows(), 0, 0, 0));
                            }
                        }
                        // untimed runs on the largest size first, so that the smallest is not timed cold:
                        // in the JVM's first session as many as --warmups, in later ones one
                        String largest = data.get(sizes.length - 1).resolve(SynthRecords.DATASET).toString();
                        String to = work.resolve("spark-out").toString();
                        for (int u = 0; u < (firstSession ? warmups : 1); u++) {
                            AggregateJob.aggregate(session.read().parquet(largest)).write().mode(SaveMode.Overwrite).parquet(to);
                        }
                        double[] t = new double[sizes.length];
                        for (int i = 0; i < sizes.length; i++) {
                            String in = data.get(i).resolve(SynthRecords.DATASET).toString();
                            t[i] = seconds(() -> AggregateJob.aggregate(session.read().parquet(in)).write()
                                    .mode(SaveMode.Overwrite).parquet(to));
                        }
                        spark.computeIfAbsent(threads, k -> new ArrayList<>()).add(t);
                        if (comparisons == null && exportedOk) comparisons = comparisons(session, w, exported, work, repeats, warmups);
                    }
                }
            }
            List<SizeRow> table = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                String glob = data.get(i).resolve(SynthRecords.DATASET) + "/*.parquet";
                Path to = work.resolve("duckdb-out.parquet");
                double duck = timed(() -> duckdbAggregate(glob, to), 1, repeats);
                double one = median(spark.get(1), i);
                double many = spark.containsKey(cores) ? median(spark.get(cores), i) : one;
                table.add(new SizeRow(sizes[i], rows.get(i).rows(), duck, one, many));
            }
            print(table, cores, comparisons, out);
        } finally {
            delete(work);
        }
    }

    private static boolean export(Warehouse w, Path dir, PrintWriter out) {
        try {
            Files.createDirectories(dir);
            for (String v : PublicViews.names(w)) {
                w.execute("COPY (SELECT * FROM " + v + ") TO '" + dir.resolve(v + ".parquet").toString().replace("'", "''")
                        + "' (FORMAT parquet)");
            }
            return true;
        } catch (IOException | RuntimeException | SQLException e) {
            out.printf("(comparisons not measured: cannot export the warehouse: %s)%n", e.getMessage());
            return false;
        }
    }

    private static Comparisons comparisons(SparkSession session, Warehouse w, Path exported, Path work, int repeats,
            int warmups) {
        SparkJob job = SparkJobs.named("comparisons");
        JobArgs args = JobArgs.of(exported.toString(), work.resolve("comparisons").toString(), OutputFormat.parquet);
        Runnable spark = () -> {
            for (Map.Entry<String, Dataset<Row>> e : job.run(session, args).entrySet()) {
                e.getValue().write().mode(SaveMode.Overwrite).parquet(work.resolve("comparisons-" + e.getKey()).toString());
            }
        };
        String to = work.resolve("mart.parquet").toString().replace("'", "''");
        // the reference computes the mart as a refresh does (sql/views/170), not a copy of it
        Runnable duckdb = () -> w.execute("COPY (SELECT * FROM benchmarks_of(NULL)) TO '" + to + "' (FORMAT parquet)");
        try {
            double first = seconds(spark);
            long rows = session.read().parquet(work.resolve("comparisons-" + ComparisonsJob.OUTPUT).toString()).count();
            return new Comparisons(timed(duckdb, warmups, repeats), timed(spark, warmups - 1, repeats), first, rows, null);
        } catch (JobException e) {
            return new Comparisons(0, 0, 0, 0, e.getMessage());
        }
    }

    private static void duckdbAggregate(String glob, Path to) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + AggregateDuckDb.sql(glob) + ") TO '" + to.toString().replace("'", "''") + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB's aggregation failed: " + e.getMessage(), e);
        }
    }

    /** Seconds: the median of {@code n} runs after {@code untimed} untimed runs. */
    private static double timed(Runnable task, int untimed, int n) {
        for (int i = 0; i < untimed; i++) task.run();
        double[] t = new double[Math.max(1, n)];
        for (int i = 0; i < t.length; i++) t[i] = seconds(task);
        return median(t);
    }

    /** Seconds one run of {@code task} took. */
    private static double seconds(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The median of the rounds' runs on size {@code i}. */
    private static double median(List<double[]> rounds, int i) {
        return median(rounds.stream().mapToDouble(t -> t[i]).toArray());
    }

    /** The middle value, or halfway between the middle two of an even number (of two: their mean, not the slower). */
    static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    static void print(List<SizeRow> table, int cores, Comparisons c, PrintWriter out) {
        out.printf("%n%-6s %12s %9s %11s %11s %12s %12s %10s%n", "size", "rows", "duckdb s", "local[1] s",
                "local[" + cores + "] s", "[1]/duckdb", "[" + cores + "]/duckdb", cores + " cores");
        for (SizeRow r : table) {
            out.printf("%-6s %,12d %9.2f %11.2f %11.2f %11.1fx %11.1fx %9.2fx%n", r.millions() + "M", r.rows(), r.duckdb(),
                    r.oneCore(), r.cores(), r.oneCore() / r.duckdb(), r.cores() / r.duckdb(), r.oneCore() / r.cores());
        }
        SizeRow first = table.get(0);
        SizeRow last = table.get(table.size() - 1);
        double rowsRatio = (double) last.rows() / first.rows();
        double timeRatio = last.cores() / first.cores();
        out.printf("%ngrowth with size (local[%d]): %.1fx the rows took %.1fx the time (goal: near-linear, %.1fx or less)%n",
                cores, rowsRatio, timeRatio, rowsRatio);
        out.printf("second core on aggregate at %s: %.2fx (goal: 1.6x or more)%s%n", last.millions() + "M",
                last.oneCore() / last.cores(), last.oneCore() / last.cores() >= 1.6 ? "" : "  MISSED");
        if (c == null || c.notMeasured() != null) {
            out.printf("comparisons against the DuckDB mart: not measured (%s)%n", c == null ? "no export" : c.notMeasured());
        } else {
            double ratio = c.spark() / c.duckdb();
            out.printf("comparisons on the real releases: Spark %.2f s, DuckDB benchmark_comparison %.2f s, %,d rows: "
                    + "%.1fx (goal: 3x or less)%s%n", c.spark(), c.duckdb(), c.rows(), ratio, ratio <= 3 ? "" : "  MISSED");
            out.printf("  (the job's first run in the session: %.2f s, %.1fx; Spark generates its code and the JVM compiles it "
                    + "over the first runs)%n", c.sparkFirst(), c.sparkFirst() / c.duckdb());
        }
        out.println("(times on a shared machine vary from run to run; compare ratios within one run)");
        out.flush();
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing a benchmark for
        }
    }
}

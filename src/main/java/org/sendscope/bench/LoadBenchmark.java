package org.sendscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.sendscope.ingest.dfe.DfeFolder;
import org.sendscope.warehouse.Marts;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope bench load}: loads every DfE file in a folder (as {@code ../shared/data/dfe} is
 * laid out, {@link DfeFolder}) into a fresh warehouse with sendscope's loaders, called directly, and, in the same run, has DuckDB read
 * the same CSV and Parquet files into plain tables with no checks, mapping or provenance. The
 * ratio of the two is the figure to watch; wall times alone depend on the machine's load.
 */
public final class LoadBenchmark {
    /** One timed round: sendscope's load and DuckDB's plain read, in milliseconds. */
    public record Round(double sendscopeMs, double duckdbMs) {
        double ratio() {
            return sendscopeMs / duckdbMs;
        }
    }

    /** One file's load in a round: its wall milliseconds (open to close) and the marts' refreshes inside it. */
    public record FileTime(String file, double ms, List<Marts.Refresh> refreshes) {
        /** Milliseconds of those refreshes. */
        public double martsMs() {
            return refreshes.stream().mapToDouble(Marts.Refresh::ms).sum();
        }
    }

    private final Path data;
    private final Path work;
    private List<FileTime> lastRound = List.of();

    public LoadBenchmark(Path data, Path work) {
        this.data = data;
        this.work = work;
    }

    /** Every file the folder holds, each with its loader, in loading order. */
    public List<DfeFolder.Load> loads() {
        return new DfeFolder(data).loads();
    }

    /**
     * Runs sendscope's loaders into a new warehouse file, one open (and one swap of the copy) per
     * file as a user loading them one by one would; returns wall milliseconds. The file is deleted
     * afterwards unless {@code keep}.
     */
    public double timeSendscope(Path warehouse, boolean keep) throws IOException {
        Files.deleteIfExists(warehouse);
        List<DfeFolder.Load> loads = loads();
        List<FileTime> files = new ArrayList<>();
        List<Marts.Refresh> refreshes = new ArrayList<>();
        var was = Marts.observe(refreshes::add);
        long t0 = System.nanoTime();
        try {
            for (DfeFolder.Load l : loads) {
                long t = System.nanoTime();
                try (Warehouse w = Warehouse.open(warehouse)) {
                    l.loader().load(w, l.file());
                }
                files.add(new FileTime(l.file().getFileName().toString(), (System.nanoTime() - t) / 1e6, List.copyOf(refreshes)));
                refreshes.clear();
            }
        } finally {
            Marts.observe(was);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        lastRound = List.copyOf(files);
        if (!keep) Files.deleteIfExists(warehouse);
        return ms;
    }

    /** Where the last {@link #timeSendscope} round's time went, file by file. */
    public List<FileTime> lastRound() {
        return lastRound;
    }

    /** A warehouse file in the work folder for one round. */
    public Path roundFile(int round) {
        return work.resolve("bench-" + round + ".duckdb");
    }

    /** DuckDB reading the same CSV (unpacked beforehand) and Parquet files into plain tables. */
    public double timeDuckdb(int round, List<Path> csvs, List<Path> parquets) throws SQLException, IOException {
        Path f = work.resolve("reference-" + round + ".duckdb");
        Files.deleteIfExists(f);
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + f.toAbsolutePath());
             Statement s = c.createStatement()) {
            int i = 0;
            for (Path csv : csvs) {
                s.execute("CREATE TABLE t" + (i++) + " AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', all_varchar = true)");
            }
            for (Path p : parquets) {
                s.execute("CREATE TABLE t" + (i++) + " AS SELECT * FROM read_parquet('" + p.toAbsolutePath() + "')");
            }
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Files.deleteIfExists(f);
        return ms;
    }

    /** Unpacks the releases' CSVs once, for the reference read (DuckDB does not read zip entries). */
    public List<Path> unpackCsvs() throws IOException {
        List<Path> out = new ArrayList<>();
        Path dir = Files.createDirectories(work.resolve("csv"));
        for (Path zip : list(data.resolve("ehc-plans"), ".zip")) {
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (var e : z.stream().filter(e -> e.getName().endsWith(".csv")).toList()) {
                    Path p = dir.resolve(zip.getFileName() + "-" + e.getName().replace('/', '_'));
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
                    }
                    out.add(p);
                }
            }
        }
        out.addAll(list(data.resolve("lait"), ".csv"));
        return out;
    }

    public List<Path> parquets() throws IOException {
        return list(data.resolve("lait"), ".parquet");
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** Deletes the work folder. */
    public void cleanUp() {
        try (Stream<Path> s = Files.walk(work)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files left behind are harmless
        }
    }
}

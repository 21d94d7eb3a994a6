package org.sendscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.sendscope.cli.Main;
import picocli.CommandLine;

/**
 * {@code sendscope bench load}: loads every DfE file in a folder (as {@code ../shared/data/dfe} is
 * laid out) into a fresh warehouse with sendscope's loaders, and, in the same run, has DuckDB read
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

    private final Path data;
    private final Path work;

    public LoadBenchmark(Path data, Path work) {
        this.data = data;
        this.work = work;
    }

    /** The load commands for every file the folder holds, in dependency order. */
    public List<String[]> loadCommands(Path warehouse) throws IOException {
        List<String[]> cmds = new ArrayList<>();
        String w = warehouse.toString();
        for (Path zip : list(data.resolve("ehc-plans"), ".zip")) {
            cmds.add(new String[]{"load", "dfe-ehcp", zip.toString(), "--warehouse", w});
        }
        Path lait = data.resolve("lait");
        if (Files.exists(lait.resolve("bds_long.parquet"))) {
            List<String> c = new ArrayList<>(List.of("load", "lait", lait.resolve("bds_long.parquet").toString()));
            if (Files.exists(lait.resolve("lait_data_dictionary.csv"))) {
                c.addAll(List.of("--dictionary", lait.resolve("lait_data_dictionary.csv").toString()));
            }
            if (Files.exists(lait.resolve("la_code_list.xlsx"))) {
                c.addAll(List.of("--codes", lait.resolve("la_code_list.xlsx").toString()));
            }
            c.addAll(List.of("--warehouse", w));
            cmds.add(c.toArray(String[]::new));
        }
        for (Path sn : list(data.resolve("statistical-neighbours"), ".xlsx")) {
            cmds.add(new String[]{"load", "neighbours", sn.toString(), "--warehouse", w});
        }
        List<Path> dsg = list(data.resolve("finance"), ".xlsx");
        if (!dsg.isEmpty()) {
            List<String> c = new ArrayList<>(List.of("load", "dsg"));
            dsg.forEach(p -> c.add(p.toString()));
            c.addAll(List.of("--warehouse", w));
            cmds.add(c.toArray(String[]::new));
        }
        return cmds;
    }

    /** Runs sendscope's loaders into a new warehouse file; returns wall milliseconds. */
    public double timeSendscope(int round) throws IOException {
        Path w = work.resolve("bench-" + round + ".duckdb");
        Files.deleteIfExists(w);
        List<String[]> cmds = loadCommands(w);
        long t0 = System.nanoTime();
        for (String[] cmd : cmds) {
            CommandLine cl = Main.commandLine();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            int rc = cl.execute(cmd);
            if (rc != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + err);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Files.deleteIfExists(w);
        return ms;
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

package org.sendscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.bench.LoadBenchmark;
import org.sendscope.bench.QueryBenchmark;
import org.sendscope.ingest.paper.PaperLoader;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope bench queries}: the shared DfE releases and both BCP papers loaded into a fresh
 * warehouse, then every named question, one area's {@code benchmark_comparison} and
 * {@code export parquet} timed against a trivial query in the same run.
 */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = {"Load ../shared/data/dfe and both BCP papers into a fresh warehouse, then time every named",
                "question warm, benchmark_comparison for one area and export parquet, each against a trivial",
                "query in the same run (goals: questions under 100 ms, one area under 50 ms, export under 5 s)."})
public final class BenchQueriesCommand implements Callable<Integer> {
    static final String BCP = "E06000058";

    @Spec
    CommandSpec spec;

    @Mixin
    DfeDataOption data;

    @Option(names = "--papers", paramLabel = "DIR", description = "Papers folder (default: ../shared/papers).")
    Path papers;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "Time an existing warehouse instead of building a fresh one.")
    Path existing;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed runs of each query after a warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--area", defaultValue = BCP, description = "The area asked about (default: ${DEFAULT-VALUE}).")
    String area;

    @Option(names = "--as-of", defaultValue = "2024-12-31", description = "The questions' date (default: ${DEFAULT-VALUE}).")
    String asOf;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("sendscope-bench-queries-");
        LoadBenchmark b = null;
        try {
            Path file = existing;
            if (file == null) {
                Path dir = data.folder();
                Path paperDir = papers != null ? papers : dir.resolve("..").resolve("..").resolve("papers").normalize();
                b = new LoadBenchmark(dir, work);
                file = work.resolve("bench.duckdb");
                long t0 = System.nanoTime();
                b.timeSendscope(file, true);
                int n = b.loads().size();
                for (Path paper : papers(paperDir)) {
                    try (Warehouse w = Warehouse.open(file)) {
                        PaperLoader.forArea(BCP, PUBLISHED.get(paper.getFileName().toString())).load(w, paper);
                    }
                    n++;
                }
                out.printf("bench queries: %d loads into %s in %.0f ms%n", n, file, (System.nanoTime() - t0) / 1e6);
            }
            try (Warehouse w = Warehouse.openReadOnly(file)) {
                QueryBenchmark q = new QueryBenchmark(w);
                double ref = q.reference(Math.max(rounds, 20));
                out.printf("reference (SELECT 42): %.2f ms%n", ref);
                int over = 0;
                double worst = 0;
                for (ScrutinyQuestion s : ScrutinyQuestion.all()) {
                    double ms = q.question(s, area, asOf, rounds);
                    worst = Math.max(worst, ms);
                    if (ms >= 100) over++;
                    out.printf("  %-32s %8.1f ms  ratio %7.1f%s%n", s.name(), ms, ms / ref, ms >= 100 ? "  (over 100 ms)" : "");
                }
                out.printf("named questions: %d of %d over 100 ms, slowest %.1f ms%n", over, ScrutinyQuestion.all().size(), worst);
                double one = q.query("SELECT * FROM benchmark_comparison WHERE area_code = '" + area.replace("'", "''") + "'", rounds);
                out.printf("benchmark_comparison for %s: %8.1f ms  ratio %7.1f  (goal: under 50 ms)%n", area, one, one / ref);
                double all = q.query("SELECT count(*), sum(value), sum(rank) FROM benchmark_comparison", rounds);
                out.printf("benchmark_comparison, every area (counted): %8.1f ms  ratio %7.1f%n", all, all / ref);
            }
            // Writing files needs an ordinary connection, as export parquet uses (the console's has file access off).
            try (Warehouse w = Warehouse.open(file)) {
                QueryBenchmark q = new QueryBenchmark(w);
                double ref = q.reference(Math.max(rounds, 20));
                double export = q.exportParquet(work.resolve("parquet"));
                out.printf("export parquet (every public view): %8.0f ms  ratio %7.0f  (goal: under 5000 ms)%n", export, export / ref);
            }
        } finally {
            if (b != null) b.cleanUp();
            else new LoadBenchmark(work, work).cleanUp();
        }
        return 0;
    }

    /** Both BCP committee papers with their publication dates, as the demo and the paper tests load them. */
    static final Map<String, String> PUBLISHED = Map.of(
            "bcp-childrens-scrutiny-committee-2024-07-24-agenda-pack.txt", "2024-07-24",
            "bcp-send-improvement-plan-2023-26.txt", "2024-04-12");

    /** The papers of {@link #PUBLISHED} that the folder holds, in a fixed order. */
    static List<Path> papers(Path dir) {
        List<Path> out = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(PUBLISHED.keySet())) {
            Path f = dir.resolve(name);
            if (Files.exists(f)) out.add(f);
        }
        return out;
    }
}

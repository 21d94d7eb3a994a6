package org.sendscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.analysis.Quantiles;
import org.sendscope.kernel.KernelSpec;
import org.sendscope.kernel.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sendscope bench kernel}: the kernel's start to its first result, and each notebook's run
 * time, each against a reference measured in the same run — {@code java -version} (a bare JVM
 * start) for the kernel, {@code jupyter nbconvert} of an empty notebook (Jupyter's own fixed cost)
 * for the notebooks. Goals: first result under 3 s, each notebook under 60 s.
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Time the notebook kernel (start to first result) and each notebook, against references.")
public final class BenchKernelCommand implements Callable<Integer> {
    static final Duration FIRST_RESULT_GOAL = Duration.ofSeconds(3);
    static final Duration NOTEBOOK_GOAL = Duration.ofSeconds(60);

    @Mixin
    WarehouseOptions options;

    @Option(names = "--repeat", defaultValue = "3", description = "Kernel starts to time (the median is reported; default 3).")
    int repeat;

    @Parameters(paramLabel = "FILES", arity = "0..*", description = "Notebooks to time (default: every notebooks/*.ipynb).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!NotebookRunner.nbconvertAvailable()) {
            throw new UserException("jupyter nbconvert is not installed; " + NotebookRunner.INSTALL_HINT);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path home = KernelSpec.projectHome();
        NotebookRunner runner = new NotebookRunner(home, home.resolve("target").resolve("bench-notebooks"),
                options.file().toAbsolutePath());
        runner.installKernel();

        Duration[] jvm = new Duration[repeat];
        Duration[] ready = new Duration[repeat];
        Duration[] first = new Duration[repeat];
        for (int i = 0; i < repeat; i++) {
            jvm[i] = javaVersion();
            NotebookRunner.Startup s = runner.startup("1 + 1");
            ready[i] = s.ready();
            first[i] = s.firstResult();
        }
        Duration nbconvert = median(new Duration[] {runner.referenceConversion(), runner.referenceConversion()});
        Duration javaRef = median(jvm);

        out.printf("%-44s %9s  %s%n", "what", "seconds", "ratio to reference");
        row(out, "reference: java -version (JVM start)", javaRef, null, null, null);
        row(out, "reference: jupyter nbconvert, empty notebook", nbconvert, null, null, null);
        row(out, "kernel: start to ready", median(ready), javaRef, "java -version", null);
        row(out, "kernel: start to first result (1 + 1)", median(first), javaRef, "java -version", FIRST_RESULT_GOAL);

        List<Path> notebooks = files.isEmpty() ? NotebookRunner.notebooksIn(home.resolve("notebooks")) : files;
        boolean ok = true;
        for (Path nb : notebooks) {
            if (!Files.exists(nb)) throw new UserException("no such notebook: " + nb);
            NotebookRunner.Result r = runner.run(nb);
            if (!r.ok()) {
                ok = false;
                out.println("notebook " + r.name() + " FAILED:");
                out.println(r.error().indent(4).stripTrailing());
                continue;
            }
            row(out, "notebook " + r.name(), r.time(), nbconvert, "nbconvert", NOTEBOOK_GOAL);
        }
        out.printf("(median of %d kernel starts; warehouse %s)%n", repeat, options.file().toAbsolutePath());
        out.flush();
        return ok ? 0 : Main.USER_ERROR;
    }

    private static void row(PrintWriter out, String what, Duration d, Duration ref, String refName, Duration goal) {
        String ratio = ref == null ? "" : String.format("%.1f× %s", (double) d.toNanos() / ref.toNanos(), refName);
        String verdict = goal == null ? "" : String.format("  goal < %d s: %s", goal.toSeconds(),
                d.compareTo(goal) < 0 ? "met" : "MISSED");
        out.printf("%-44s %9.2f  %s%s%n", what, d.toNanos() / 1e9, ratio, verdict);
    }

    private static Duration javaVersion() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static Duration median(Duration[] ds) {
        return Duration.ofNanos(Math.round(Quantiles.median(Arrays.stream(ds).mapToDouble(Duration::toNanos).toArray())));
    }
}

package org.sendscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sendscope.kernel.KernelSpec;
import org.sendscope.kernel.NotebookRunner;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope notebook run [FILES]}: executes notebooks headless on the warehouse and writes
 * executed HTML copies under {@code target/notebooks/}; fails when any cell fails or output is lost.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Execute notebooks headless (jupyter nbconvert --execute) and write executed HTML copies "
                + "to target/notebooks/. Exit 1 if any cell fails or any output is lost.")
public final class NotebookRunCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;

    @Parameters(paramLabel = "FILES", arity = "0..*", description = "Notebooks to run (default: every notebooks/*.ipynb).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where executed copies and HTML go (default: target/notebooks).")
    Path outputDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = KernelSpec.projectHome();
        Path dir = outputDir == null ? home.resolve("target").resolve("notebooks") : outputDir;
        List<NotebookRunner.Result> results = run(home, files, options.file(), dir, out);
        return results.stream().allMatch(NotebookRunner.Result::ok) ? 0 : Main.USER_ERROR;
    }

    /** Runs the notebooks, printing one line per notebook (and the error of a failed one). */
    static List<NotebookRunner.Result> run(Path home, List<Path> files, Path warehouse, Path outputDir, PrintWriter out)
            throws IOException, InterruptedException {
        if (!NotebookRunner.nbconvertAvailable()) {
            throw new UserException("jupyter nbconvert is not installed; " + NotebookRunner.INSTALL_HINT);
        }
        List<Path> notebooks = files.isEmpty() ? NotebookRunner.notebooksIn(home.resolve("notebooks")) : files;
        if (notebooks.isEmpty()) throw new UserException("no notebooks to run in " + home.resolve("notebooks"));
        for (Path nb : notebooks) {
            if (!Files.exists(nb)) throw new UserException("no such notebook: " + nb);
        }
        Path w = warehouse == null ? Warehouse.resolve(null) : warehouse;
        NotebookRunner runner = new NotebookRunner(home, outputDir, w.toAbsolutePath());
        try {
            runner.installKernel();
        } catch (IOException e) {
            throw new UserException("cannot install the kernelspec: " + e.getMessage());
        }
        out.println("warehouse: " + w.toAbsolutePath());
        out.flush();
        List<NotebookRunner.Result> results = new ArrayList<>();
        for (Path nb : notebooks) {
            NotebookRunner.Result r;
            try {
                r = runner.run(nb);
            } catch (IOException e) {
                throw new UserException(nb + ": " + e.getMessage());
            }
            results.add(r);
            String secs = String.format("%.1f s", r.time().toMillis() / 1000.0);
            if (r.ok()) {
                Path html = r.html().startsWith(home) ? home.relativize(r.html()) : r.html();
                out.println("ok      " + r.name() + "  " + secs + "  → " + html);
            } else {
                out.println("FAILED  " + r.name() + "  " + secs);
                out.println(r.error().indent(8).stripTrailing());
            }
            out.flush();
        }
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(failed == 0 ? results.size() + " notebook(s) ran" : failed + " of " + results.size() + " notebook(s) failed");
        out.flush();
        return results;
    }
}

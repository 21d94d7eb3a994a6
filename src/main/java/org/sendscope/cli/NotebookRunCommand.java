package org.sendscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sendscope.kernel.KernelSpec;
import org.sendscope.kernel.NotebookIndex;
import org.sendscope.kernel.NotebookParameters;
import org.sendscope.kernel.NotebookRunner;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sendscope notebook run [FILES]}: executes notebooks headless on the warehouse and writes
 * executed HTML copies under {@code target/notebooks/}; fails when any cell fails or output is lost.
 * {@code -p area=E06000010} gives a notebook's parameters as papermill does; {@code --for-each-area}
 * or {@code --region} runs each notebook once per area, with an {@code index.html} linking them.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Execute notebooks headless (jupyter nbconvert --execute) and write executed HTML copies "
                + "to target/notebooks/. Exit 1 if any cell fails or any output is lost.",
        footer = {"", "Examples:",
                "  sendscope notebook run notebooks/my-area.ipynb -p area=E06000010 -p as_of=2024-03-31",
                "  sendscope notebook run notebooks/my-area.ipynb --for-each-area E06000058,E06000010,E06000055",
                "  sendscope notebook run --region E12000009      # every notebook for every LA in the South West"})
public final class NotebookRunCommand implements Callable<Integer> {
    @Mixin
    WarehouseOptions options;

    @Parameters(paramLabel = "FILES", arity = "0..*", description = "Notebooks to run (default: every notebooks/*.ipynb).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Where executed copies and HTML go (default: target/notebooks).")
    Path outputDir;

    @Option(names = {"-p", "--parameter"}, paramLabel = "NAME=VALUE",
            description = "A value for a parameter the notebook declares in its cell tagged 'parameters' "
                    + "(repeatable), injected in a new cell after it as papermill does: -p area=E06000010.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @ArgGroup(exclusive = true)
    Areas areas;

    /** Which areas to run each notebook for: a list, or every LA of a region. */
    static final class Areas {
        @Option(names = "--for-each-area", paramLabel = "CODES", split = ",", converter = AreaArgument.Converter.class,
                description = "Run each notebook once per area (GSS codes or DfE LA numbers, comma-separated) with "
                        + "-p area=CODE, writing NOTEBOOK-CODE.html per area and an index.html linking them.")
        List<AreaArgument> codes = new ArrayList<>();

        @Option(names = "--region", paramLabel = "CODE",
                description = "As --for-each-area, for every current LA in the region (E12000009: the South West).")
        String region;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path home = KernelSpec.projectHome();
        Path dir = outputDir == null ? home.resolve("target").resolve("notebooks") : outputDir;
        if (areas == null) {
            List<NotebookRunner.Result> results = run(home, files, options.file(), dir, parameters, out);
            return results.stream().allMatch(NotebookRunner.Result::ok) ? 0 : Main.USER_ERROR;
        }
        if (parameters.containsKey(AREA)) {
            throw new UserException("-p area=… and " + (areas.region != null ? "--region" : "--for-each-area")
                    + " both say which area; give one of them");
        }
        Path w = options.file() == null ? Warehouse.resolve(null) : options.file();
        Map<String, String> named = areasToRun(w);
        List<NotebookIndex.Entry> entries = runForEachArea(home, files, w, dir, named, parameters, out);
        return entries.stream().allMatch(e -> e.result().ok()) ? 0 : Main.USER_ERROR;
    }

    /** The parameter every shipped notebook takes. */
    static final String AREA = "area";

    /** Area code → name, in the order asked (a list) or by name (a region), each known to the warehouse. */
    private Map<String, String> areasToRun(Path warehouse) {
        if (!Files.exists(warehouse)) throw new UserException("no warehouse at " + warehouse + "; run ./sendscope demo first");
        Map<String, String> named = new LinkedHashMap<>();
        try (Warehouse wh = Warehouse.openReadOnly(warehouse)) {
            if (areas.region != null) {
                try (PreparedStatement ps = wh.connection().prepareStatement(
                        "SELECT area_code, name FROM areas WHERE region_code = ? AND level = 'local_authority' "
                                + "AND valid_to IS NULL ORDER BY name")) {
                    ps.setString(1, areas.region.strip().toUpperCase(java.util.Locale.ROOT));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) named.put(rs.getString(1), rs.getString(2));
                    }
                }
                if (named.isEmpty()) {
                    throw new UserException("--region " + areas.region + ": no local authority in the warehouse has that region "
                            + "(the regions are E12000001 to E12000009; ./sendscope sql \"SELECT DISTINCT region_code, region_name FROM areas\")");
                }
            } else {
                var known = org.sendscope.ingest.areas.KnownAreas.of(wh.connection());
                for (AreaArgument a : areas.codes) {
                    StringBuilder why = new StringBuilder();
                    String code = known.localAuthority(a.given(), why)
                            .orElseThrow(() -> new UserException("--for-each-area: " + why));
                    named.put(code, name(wh, code));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read areas: " + e.getMessage(), e);
        }
        return named;
    }

    private static String name(Warehouse wh, String code) throws SQLException {
        try (PreparedStatement ps = wh.connection().prepareStatement("SELECT name FROM areas WHERE area_code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Runs each notebook once per area, one line each, then writes the index page. */
    static List<NotebookIndex.Entry> runForEachArea(Path home, List<Path> files, Path warehouse, Path outputDir,
            Map<String, String> areas, Map<String, String> parameters, PrintWriter out) throws IOException, InterruptedException {
        NotebookRunner runner = prepare(home, files, warehouse, outputDir, out);
        List<NotebookIndex.Entry> entries = new ArrayList<>();
        for (Path nb : notebooks(home, files)) {
            String base = nb.getFileName().toString().replaceFirst("\\.ipynb$", "");
            for (Map.Entry<String, String> a : areas.entrySet()) {
                Map<String, String> values = new LinkedHashMap<>(parameters);
                values.put(AREA, a.getKey());
                NotebookRunner.Result r = runOne(runner, nb, values, base + "-" + a.getKey(), home, out);
                entries.add(new NotebookIndex.Entry(nb.getFileName().toString(), a.getKey(), a.getValue(), r));
            }
        }
        Path index = NotebookIndex.write(outputDir, "sendscope notebooks for " + areas.size() + " area(s)", entries);
        long failed = entries.stream().filter(e -> !e.result().ok()).count();
        out.println((failed == 0 ? entries.size() + " notebook run(s) ran" : failed + " of " + entries.size() + " notebook run(s) failed")
                + "  → " + (index.startsWith(home) ? home.relativize(index) : index));
        out.flush();
        return entries;
    }

    /** Runs the notebooks, printing one line per notebook (and the error of a failed one). */
    static List<NotebookRunner.Result> run(Path home, List<Path> files, Path warehouse, Path outputDir, PrintWriter out)
            throws IOException, InterruptedException {
        return run(home, files, warehouse, outputDir, Map.of(), out);
    }

    /** As {@link #run(Path, List, Path, Path, PrintWriter)}, with parameters given to every notebook. */
    static List<NotebookRunner.Result> run(Path home, List<Path> files, Path warehouse, Path outputDir,
            Map<String, String> parameters, PrintWriter out) throws IOException, InterruptedException {
        NotebookRunner runner = prepare(home, files, warehouse, outputDir, out);
        List<NotebookRunner.Result> results = new ArrayList<>();
        for (Path nb : notebooks(home, files)) results.add(runOne(runner, nb, parameters, null, home, out));
        long failed = results.stream().filter(r -> !r.ok()).count();
        out.println(failed == 0 ? results.size() + " notebook(s) ran" : failed + " of " + results.size() + " notebook(s) failed");
        out.flush();
        return results;
    }

    private static List<Path> notebooks(Path home, List<Path> files) throws IOException {
        List<Path> notebooks = files.isEmpty() ? NotebookRunner.notebooksIn(home.resolve("notebooks")) : files;
        if (notebooks.isEmpty()) throw new UserException("no notebooks to run in " + home.resolve("notebooks"));
        for (Path nb : notebooks) {
            if (!Files.exists(nb)) throw new UserException("no such notebook: " + nb);
        }
        return notebooks;
    }

    /** Checks nbconvert and the notebooks, installs the kernelspec and says which warehouse is read. */
    private static NotebookRunner prepare(Path home, List<Path> files, Path warehouse, Path outputDir, PrintWriter out)
            throws IOException {
        if (!NotebookRunner.nbconvertAvailable()) {
            throw new UserException("jupyter nbconvert is not installed; " + NotebookRunner.INSTALL_HINT);
        }
        notebooks(home, files);
        Path w = warehouse == null ? Warehouse.resolve(null) : warehouse;
        NotebookRunner runner = new NotebookRunner(home, outputDir, w.toAbsolutePath());
        try {
            runner.installKernel();
        } catch (IOException e) {
            throw new UserException("cannot install the kernelspec: " + e.getMessage());
        }
        out.println("warehouse: " + w.toAbsolutePath());
        out.flush();
        return runner;
    }

    /** Runs one notebook and prints its line ({@code ok}/{@code FAILED}, the parameters, the time, the HTML). */
    private static NotebookRunner.Result runOne(NotebookRunner runner, Path nb, Map<String, String> parameters,
            String outputName, Path home, PrintWriter out) throws IOException, InterruptedException {
        NotebookRunner.Result r;
        try {
            r = runner.run(nb, parameters, outputName);
        } catch (NotebookParameters.ParameterException e) {
            throw new UserException(e.getMessage());
        } catch (IOException e) {
            throw new UserException(nb + ": " + e.getMessage());
        }
        String secs = String.format("%.1f s", r.time().toMillis() / 1000.0);
        String with = parameters.isEmpty() ? "" : "  " + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(" "));
        if (r.ok()) {
            Path html = r.html().startsWith(home) ? home.relativize(r.html()) : r.html();
            out.println("ok      " + r.name() + with + "  " + secs + "  → " + html);
        } else {
            out.println("FAILED  " + r.name() + with + "  " + secs);
            out.println(r.error().indent(8).stripTrailing());
        }
        out.flush();
        return r;
    }
}

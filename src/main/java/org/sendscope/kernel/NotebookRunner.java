package org.sendscope.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Executes notebooks headless with {@code jupyter nbconvert --execute} on sendscope's kernel and
 * writes the executed copy and its HTML under {@code target/notebooks/}. A notebook fails when a
 * cell fails or when output is lost ({@code raise_on_iopub_timeout}): CI must not pass a notebook
 * whose tables silently went missing.
 */
public final class NotebookRunner {
    /** How to get nbconvert on Debian, said whenever it is missing. */
    public static final String INSTALL_HINT = "install it with: sudo apt-get install --no-install-recommends "
            + "jupyter-nbconvert python3-nbclient jupyter-client (or run .ci/setup as root)";

    private final Path home;
    private final Path outDir;
    private final Path warehouse;
    private Duration cellTimeout = Duration.ofMinutes(5);

    /** What happened to one notebook. */
    public record Result(Path notebook, boolean ok, Duration time, Path executed, Path html, String error) {
        public String name() {
            return notebook.getFileName().toString();
        }
    }

    /**
     * @param home      the project folder (kernelspec, class path)
     * @param outDir    where executed copies and HTML go
     * @param warehouse the warehouse the notebooks read ({@code SENDSCOPE_WAREHOUSE} for the kernel),
     *                  or {@code null} for the kernel's default
     */
    public NotebookRunner(Path home, Path outDir, Path warehouse) {
        this.home = home.toAbsolutePath().normalize();
        this.outDir = outDir.toAbsolutePath().normalize();
        this.warehouse = warehouse == null ? null : warehouse.toAbsolutePath().normalize();
    }

    /** Sets how long one cell may run before it fails. */
    public NotebookRunner cellTimeout(Duration timeout) {
        this.cellTimeout = timeout;
        return this;
    }

    /** Whether {@code jupyter nbconvert} can run here. */
    public static boolean nbconvertAvailable() {
        return onPath("jupyter-nbconvert") && onPath("jupyter");
    }

    /** Whether an executable is on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Every {@code *.ipynb} directly in a folder, by name. */
    public static List<Path> notebooksIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    /** Installs the project-local kernelspec (cheap; keeps it in step with the class path). */
    public Path installKernel() throws IOException {
        return KernelSpec.install(home, KernelSpec.localJupyterPath(home));
    }

    /** Executes one notebook, then converts the executed copy to HTML. */
    public Result run(Path notebook) throws IOException, InterruptedException {
        return run(notebook, Map.of(), null);
    }

    /**
     * Executes one notebook with parameters injected after its {@code parameters} cell
     * ({@link NotebookParameters}), then converts the executed copy to HTML.
     *
     * @param parameters name → value as typed after {@code -p}; none: the notebook as it is
     * @param outputName the executed copy's and the HTML's name without extension, or null for the notebook's
     * @throws NotebookParameters.ParameterException when a parameter cannot be given as asked
     */
    public Result run(Path notebook, Map<String, String> parameters, String outputName)
            throws IOException, InterruptedException {
        Path source = notebook.toAbsolutePath().normalize();
        if (outDir.equals(source.getParent())) {
            // The executed copy keeps the notebook's name: written beside it, it would replace it.
            throw new IOException("the output folder " + outDir + " is the notebook's own folder; choose another");
        }
        Files.createDirectories(outDir);
        String base = outputName != null ? outputName : notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path input = null;
        if (!parameters.isEmpty()) {
            var json = com.google.gson.JsonParser.parseString(Files.readString(source)).getAsJsonObject();
            input = outDir.resolve(base + ".input.ipynb");
            Files.writeString(input, NotebookParameters.inject(json, parameters, notebook.getFileName().toString()).toString());
        }
        Path executed = outDir.resolve(base + ".ipynb");
        Path html = outDir.resolve(base + ".html");
        Path log = outDir.resolve(base + ".log");
        Files.deleteIfExists(executed);
        Files.deleteIfExists(html);
        long t0 = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("--to", "notebook", "--execute",
                "--ExecutePreprocessor.raise_on_iopub_timeout=True",
                "--ExecutePreprocessor.kernel_name=" + KernelSpec.NAME,
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
                "--ExecutePreprocessor.startup_timeout=120",
                "--output-dir", outDir.toString(), "--output", base + ".ipynb"));
        Path dir;
        if (input == null) {
            args.add(source.toString());
            dir = null;
        } else {
            // Read from stdin and started in the notebook's folder, the kernel works where the
            // notebook lives (its relative paths), not where the injected copy was written.
            args.add("--stdin");
            dir = source.getParent();
        }
        Process p = nbconvert(args, log, dir, input);
        for (int attempt = 1; !p.waitFor(1, TimeUnit.SECONDS); ) {
            if (!kernelLostItsPort(log)) continue;
            end(p);
            if (attempt++ == START_ATTEMPTS) break;
            p = nbconvert(args, log, dir, input);
        }
        boolean ok = p.waitFor() == 0 && Files.exists(executed);
        if (input != null) Files.deleteIfExists(input);
        Duration time = Duration.ofNanos(System.nanoTime() - t0);
        if (!ok) return new Result(notebook, false, time, null, null, errorOf(log));
        Process h = nbconvert(List.of("--to", "html", "--output-dir", outDir.toString(), "--output", base + ".html",
                executed.toString()), outDir.resolve(base + ".html.log"));
        if (h.waitFor() != 0 || !Files.exists(html)) {
            return new Result(notebook, false, time, executed, null,
                    "the notebook ran but its HTML could not be written: " + errorOf(outDir.resolve(base + ".html.log")));
        }
        return new Result(notebook, true, time, executed, html, null);
    }

    /** How many times a notebook's kernel is started when it loses its ports (see {@link #kernelLostItsPort}). */
    static final int START_ATTEMPTS = 3;

    /**
     * Whether the kernel nbconvert started died at once because another process took one of the
     * ports jupyter_client had just picked for it (two notebooks starting at the same moment).
     * nbconvert 6.5 then reports the dead kernel and never exits, so the run is ended and started
     * again rather than left waiting.
     */
    static boolean kernelLostItsPort(Path log) throws IOException {
        if (!Files.exists(log)) return false;
        String text = Files.readString(log);
        return text.contains("Kernel died before replying to kernel_info") && text.contains("Address already in use");
    }

    /** Ends nbconvert and whatever it started. */
    private static void end(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
    }

    /** Starts {@code jupyter nbconvert ARGS} with the project-local kernelspec and the warehouse in its environment. */
    Process nbconvert(List<String> args, Path log) throws IOException {
        return nbconvert(args, log, null, null);
    }

    /** As {@link #nbconvert(List, Path)}, started in {@code dir} (null: here) with {@code stdin} as its input (null: none). */
    Process nbconvert(List<String> args, Path log, Path dir, Path stdin) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("jupyter", "nbconvert"));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) pb.directory(dir.toFile());
        if (stdin != null) pb.redirectInput(stdin.toFile());
        environment(pb.environment());
        return pb.start();
    }

    /** JUPYTER_PATH reaches the project-local kernelspec; the warehouse is passed as an absolute path. */
    void environment(Map<String, String> env) {
        String local = KernelSpec.localJupyterPath(home).toString();
        String old = env.get("JUPYTER_PATH");
        env.put("JUPYTER_PATH", old == null || old.isBlank() ? local : local + File.pathSeparator + old);
        if (warehouse != null) env.put("SENDSCOPE_WAREHOUSE", warehouse.toString());
        else if (env.containsKey("SENDSCOPE_WAREHOUSE")) {
            env.put("SENDSCOPE_WAREHOUSE", Path.of(env.get("SENDSCOPE_WAREHOUSE")).toAbsolutePath().toString());
        }
    }

    /** The part of nbconvert's log a person needs: the failing cell and its error, else the last lines. */
    static String errorOf(Path log) throws IOException {
        if (!Files.exists(log)) return "(no log)";
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains("An error occurred while executing the following cell")
                    || l.contains("Timeout waiting for IOPub output") || l.contains("Kernel died")
                    || l.contains("No such kernel")) {
                from = i;
                break;
            }
        }
        if (from < 0) from = Math.max(0, lines.size() - 15);
        List<String> shown = lines.subList(from, Math.min(lines.size(), from + 40));
        return String.join("\n", shown).strip() + "\n(full log: " + log + ")";
    }

    /** Runs {@code jupyter nbconvert} on an empty notebook without executing it: Jupyter's own fixed cost, for benchmarks. */
    public Duration referenceConversion() throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path empty = outDir.resolve("reference-empty.ipynb");
        Files.writeString(empty, "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        long t0 = System.nanoTime();
        Process p = nbconvert(List.of("--to", "notebook", "--output-dir", outDir.toString(), "--output",
                "reference-empty.out.ipynb", empty.toString()), outDir.resolve("reference-empty.log"));
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("the reference nbconvert failed: " + errorOf(outDir.resolve("reference-empty.log")));
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Kernel start-up as a client sees it: process start to ready, and to the first cell's result. */
    public record Startup(Duration ready, Duration firstResult, String result) {
    }

    /**
     * Starts the kernel with {@code jupyter_client} (the library nbconvert uses), runs one cell and
     * times it: what an analyst waits for after opening a notebook.
     */
    public Startup startup(String cell) throws IOException, InterruptedException {
        String script = String.join("\n",
                "import json, sys, time",
                "from jupyter_client.manager import start_new_kernel",
                "t0 = time.monotonic()",
                "km, kc = start_new_kernel(kernel_name='" + KernelSpec.NAME + "', startup_timeout=120)",
                "t1 = time.monotonic()",
                "shown = []",
                "def hook(msg):",
                "    if msg['msg_type'] in ('execute_result', 'display_data'):",
                "        shown.append(msg['content']['data'].get('text/plain', ''))",
                "    elif msg['msg_type'] == 'error':",
                "        shown.append('ERROR ' + msg['content']['evalue'])",
                "reply = kc.execute_interactive(sys.argv[1], timeout=120, output_hook=hook)",
                "t2 = time.monotonic()",
                "kc.stop_channels()",
                "km.shutdown_kernel(now=True)",
                "print(json.dumps({'ready': t1 - t0, 'first': t2 - t0, 'status': reply['content']['status'],",
                "                  'shown': ' '.join(shown)}))");
        Files.createDirectories(outDir);
        Path log = outDir.resolve("startup.log");
        ProcessBuilder pb = new ProcessBuilder(jupyterPython(), "-c", script, cell).redirectErrorStream(false)
                .redirectError(log.toFile());
        environment(pb.environment());
        Process p = pb.start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || json.isEmpty()) throw new IOException("the kernel did not start: " + errorOf(log));
        var o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        if (!"ok".equals(o.get("status").getAsString())) {
            throw new IOException("the first cell failed: " + o.get("shown").getAsString());
        }
        return new Startup(seconds(o.get("ready").getAsDouble()), seconds(o.get("first").getAsDouble()),
                o.get("shown").getAsString());
    }

    /**
     * The Python that runs {@code jupyter} (its {@code #!} line): another Python on the PATH, e.g.
     * a pyenv one, may not have {@code jupyter_client}.
     */
    static String jupyterPython() throws IOException {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path jupyter = Path.of(dir.isEmpty() ? "." : dir, "jupyter");
            if (!Files.isRegularFile(jupyter)) continue;
            String first;
            try (var lines = Files.lines(jupyter, StandardCharsets.ISO_8859_1)) {
                first = lines.findFirst().orElse("");
            }
            if (!first.startsWith("#!")) break;
            String[] words = first.substring(2).strip().split("\\s+");
            return words[0].endsWith("/env") && words.length > 1 ? words[1] : words[0];
        }
        return "python3";
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos((long) (s * 1e9));
    }
}

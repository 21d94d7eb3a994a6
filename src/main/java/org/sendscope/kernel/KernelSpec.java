package org.sendscope.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sendscope.report.ResultPrinter;

/**
 * The kernelspec Jupyter reads to start sendscope's kernel: {@code kernels/sendscope/kernel.json}
 * under a Jupyter data folder, launching {@code java} with the project's class path
 * ({@code target/classes} and {@code target/classpath.txt}, as the {@code ./sendscope} launcher
 * does). It names absolute paths, so it is written per checkout, by default inside it
 * ({@code target/jupyter}) where {@code JUPYTER_PATH} finds it.
 */
public final class KernelSpec {
    /** The kernel's name in notebooks' metadata. */
    public static final String NAME = "sendscope";
    /** What Jupyter shows in its kernel list. */
    public static final String DISPLAY_NAME = "Java (sendscope)";

    private KernelSpec() {
    }

    /** The project folder: {@code -Dsendscope.home} (set by the launcher), else the working directory. */
    public static Path projectHome() {
        String home = System.getProperty("sendscope.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** The project-local Jupyter data folder: {@code target/jupyter}. */
    public static Path localJupyterPath(Path home) {
        return home.resolve("target").resolve("jupyter");
    }

    /** The user's Jupyter data folder: {@code $JUPYTER_DATA_DIR}, else {@code ~/.local/share/jupyter}. */
    public static Path userJupyterPath() {
        String dir = System.getenv("JUPYTER_DATA_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        return Path.of(System.getProperty("user.home"), ".local", "share", "jupyter");
    }

    /**
     * Writes the kernelspec.
     *
     * @param home           the project folder (with {@code target/classes} and {@code target/classpath.txt})
     * @param jupyterDataDir a Jupyter data folder; the spec goes to {@code kernels/sendscope/} under it
     * @return the folder holding {@code kernel.json}
     * @throws IOException when the project is not built yet or the folder cannot be written
     */
    public static Path install(Path home, Path jupyterDataDir) throws IOException {
        Path classes = home.resolve("target").resolve("classes");
        Path classpathFile = home.resolve("target").resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.exists(classpathFile)) {
            throw new IOException("the project is not built yet (no " + classpathFile + "); run ./sendscope once to build it");
        }
        String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        Path dir = jupyterDataDir.resolve("kernels").resolve(NAME);
        Files.createDirectories(dir);
        // Written beside and moved into place: two runs at once (parallel test forks) never let
        // Jupyter read a half-written kernel.json.
        Path part = Files.createTempFile(dir, "kernel.json.", ".part");
        Files.writeString(part, json(home, classpath));
        Files.move(part, dir.resolve("kernel.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    /** The java command of the running JVM, so the kernel uses the same Java as the project. */
    static String javaCommand() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : "java";
    }

    /** The JVM options of the kernel: headless charts, and a fast start over peak speed. */
    static List<String> jvmOptions(Path home) {
        List<String> o = new ArrayList<>();
        o.add("-Djava.awt.headless=true");
        o.add("-Dsendscope.home=" + home);
        o.add("-Xmx2g");
        // Notebook cells are short: C1-only JIT and the serial collector start faster (see bench kernel).
        o.add("-XX:TieredStopAtLevel=1");
        o.add("-XX:+UseSerialGC");
        o.add("-Dlog4j2.level=WARN");
        return o;
    }

    static String json(Path home, String classpath) {
        List<String> argv = new ArrayList<>();
        argv.add(javaCommand());
        argv.addAll(jvmOptions(home));
        argv.add("-cp");
        argv.add(classpath);
        argv.add(SendscopeKernel.class.getName());
        argv.add("{connection_file}");
        StringBuilder b = new StringBuilder("{\n  \"argv\": [");
        for (int i = 0; i < argv.size(); i++) b.append(i == 0 ? "\n    " : ",\n    ").append(ResultPrinter.jsonString(argv.get(i)));
        b.append("\n  ],\n");
        b.append("  \"display_name\": ").append(ResultPrinter.jsonString(DISPLAY_NAME)).append(",\n");
        b.append("  \"language\": \"java\",\n");
        // "message": Jupyter asks the kernel to stop a cell; the default signal would end the JVM.
        b.append("  \"interrupt_mode\": \"message\",\n");
        b.append("  \"metadata\": {\"debugger\": false}\n}\n");
        return b.toString();
    }
}

package org.sendscope.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 for one test class: a master and one worker, each
 * its own JVM started from Spark's jars as {@code spark-class} would
 * ({@code java -cp SPARK_HOME/jars/* org.apache.spark.deploy.master.Master --host 127.0.0.1 …}),
 * on ephemeral ports, with small memory. {@code SPARK_HOME} is a temporary folder whose
 * {@code jars/} links to the build's jars (Spark's and the project's runtime ones), which is where
 * the worker also finds the class path of the executors it starts. {@link #close} kills the
 * processes and everything they started; a shutdown hook does the same if the test JVM dies first.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(120);
    /** A guard against a hung driver, not a timing: a national job on one loaded core took over 6 minutes here. */
    private static final Duration DRIVER = Duration.ofMinutes(20);
    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final Path home;
    private final Thread hook = new Thread(this::kill, "stop-standalone-cluster");
    private String url;

    private StandaloneCluster(Path dir) {
        this.dir = dir;
        this.home = dir.resolve("spark-home");
    }

    /** Starts a master and a worker with one core and {@code workerMemory} (e.g. {@code 1g}); waits until it registered. */
    public static StandaloneCluster start(Path dir, String workerMemory) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(dir);
        Runtime.getRuntime().addShutdownHook(c.hook);
        try {
            c.linkJars();
            Path masterLog = dir.resolve("master.log");
            c.launch("org.apache.spark.deploy.master.Master", masterLog, "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0");
            c.url = await(masterLog, Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)"), c.processes.get(0)).group(1);
            Path workerLog = dir.resolve("worker.log");
            Files.createDirectories(dir.resolve("work"));
            c.launch("org.apache.spark.deploy.worker.Worker", workerLog, "--host", "127.0.0.1", "--port", "0",
                    "--webui-port", "0", "--cores", "1", "--memory", workerMemory, "--work-dir",
                    dir.resolve("work").toString(), c.url);
            await(workerLog, Pattern.compile("Successfully registered with master"), c.processes.get(1));
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    public String url() {
        return url;
    }

    /** What the master and worker logged (for a failure message). */
    public String logs() {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {"master.log", "worker.log"}) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(f), StandardCharsets.UTF_8);
                b.append("--- ").append(f).append('\n');
                for (String l : lines.subList(Math.max(0, lines.size() - 30), lines.size())) b.append(l).append('\n');
            } catch (IOException e) {
                b.append("--- ").append(f).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * A jar of the project's compiled classes, for {@code spark.jars}: what a cluster's executors
     * load a job's own functions from (the job jar of {@code mvn package}, made here from
     * {@code target/classes} because tests run before packaging).
     */
    public Path appJar() throws IOException {
        Path jar = dir.resolve("sendscope-classes.jar");
        if (Files.exists(jar)) return jar;
        Path classes = Path.of("target", "classes").toAbsolutePath();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * The job jar to submit: {@code target/sendscope-*-jobs.jar} when {@code mvn package} made it
     * after the classes were last compiled; otherwise one made here the way the pom's shade
     * section makes it (sendscope's classes and resources without {@code log4j2.properties}, and
     * picocli's classes; main class {@code org.sendscope.spark.SparkSubmitMain}), because
     * {@code mvn verify} runs the tests before it packages.
     */
    public Path jobJar() throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        long compiled;
        try (Stream<Path> files = Files.walk(classes)) {
            compiled = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            var packaged = built.filter(f -> f.getFileName().toString().matches("sendscope-.*-jobs\\.jar"))
                    .filter(f -> f.toFile().lastModified() >= compiled).findFirst();
            if (packaged.isPresent()) return packaged.get().toAbsolutePath();
        }
        Path jar = dir.resolve("sendscope-jobs.jar");
        if (Files.exists(jar)) return jar;
        java.util.jar.Manifest mf = new java.util.jar.Manifest();
        mf.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "org.sendscope.spark.SparkSubmitMain");
        Path picocli = null;
        for (String j : Files.readString(Path.of("target", "classpath.txt")).strip().split(java.io.File.pathSeparator)) {
            if (artifact(Path.of(j)).equals("picocli")) picocli = Path.of(j);
        }
        if (picocli == null) throw new IllegalStateException("picocli is not in target/classpath.txt");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf); Stream<Path> files = Files.walk(classes);
                java.util.zip.ZipFile pico = new java.util.zip.ZipFile(picocli.toFile())) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (name.equals("log4j2.properties")) continue;
                out.putNextEntry(new JarEntry(name));
                Files.copy(p, out);
                out.closeEntry();
            }
            for (var e : java.util.Collections.list(pico.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".class")) continue;
                out.putNextEntry(new JarEntry(e.getName()));
                try (var in = pico.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Runs {@code sendscope ARGS…} as a user would, in a JVM of its own on this test run's class
     * path (one Spark driver per JVM: the test JVM may already have its local session), with the
     * JVM's module flags and {@code spark.*} settings given as system properties; returns the exit
     * code, or -1 if it had not finished after {@link #DRIVER}.
     */
    public int runCommand(Path log, Map<String, String> sparkSettings, String... args) throws IOException, InterruptedException {
        List<String> cmd = java("-Xmx1g");
        for (Map.Entry<String, String> e : sparkSettings.entrySet()) cmd.add("-D" + e.getKey() + "=" + e.getValue());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.sendscope.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return runDriver(pb);
    }

    /**
     * Submits {@code jobJar} as a user would on a cluster: Spark's own submit class,
     * {@code org.apache.spark.deploy.SparkSubmit} (what {@code spark-submit} runs after building
     * its class path), in a JVM whose class path is this cluster's {@code SPARK_HOME/jars/*} —
     * Spark's jars only, no sendscope class or library but those in the jar — in client mode, so
     * the driver runs in that JVM and the executors load the job from the jar the driver serves.
     * Returns the exit code, or -1 if it had not finished after {@link #DRIVER}.
     */
    public int submit(Path log, Path jobJar, Map<String, String> conf, String mainClass, String... appArgs)
            throws IOException, InterruptedException {
        List<String> cmd = sparkJava("-Xmx1g", "org.apache.spark.deploy.SparkSubmit");
        cmd.addAll(List.of("--master", url, "--deploy-mode", "client", "--class", mainClass));
        for (Map.Entry<String, String> e : conf.entrySet()) cmd.addAll(List.of("--conf", e.getKey() + "=" + e.getValue()));
        cmd.add(jobJar.toString());
        cmd.addAll(List.of(appArgs));
        return runDriver(sparkProcess(cmd, log));
    }

    /**
     * The libraries sendscope itself brings (the warehouse, spreadsheets, charts, the kernel, the
     * command line) that a Spark installation does not: left out of {@code SPARK_HOME/jars}, so a
     * job that needs one fails here as it would on a real cluster. Everything else on the build's
     * class paths is Spark or what Spark depends on.
     */
    static final Set<String> NOT_SPARK = Set.of("duckdb_jdbc", "tablesaw-core", "poi", "poi-ooxml", "poi-ooxml-lite",
            "xmlbeans", "curvesapi", "SparseBitSet", "commons-csv", "picocli", "jjava-jupyter", "jeromq", "jnacl",
            "freemarker", "jfreechart", "org.jfree.svg", "classgraph", "fastutil");

    /** {@code duckdb_jdbc} for {@code duckdb_jdbc-2.0.0.1.jar}. */
    static String artifact(Path jar) {
        return jar.getFileName().toString().replaceFirst("-\\d[^-]*(-[a-z0-9]+)?\\.jar$", "");
    }

    private void linkJars() throws IOException {
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        Set<String> all = new LinkedHashSet<>();
        for (String f : new String[] {"classpath-provided.txt", "classpath.txt"}) {
            Path list = Path.of("target", f);
            if (!Files.exists(list)) throw new IllegalStateException(list + " is missing: build with mvn process-classes first");
            for (String j : Files.readString(list).strip().split(java.io.File.pathSeparator)) {
                if (j.endsWith(".jar") && !NOT_SPARK.contains(artifact(Path.of(j)))) all.add(j);
            }
        }
        for (String j : all) {
            Path link = jars.resolve(Path.of(j).getFileName());
            if (!Files.exists(link)) Files.createSymbolicLink(link, Path.of(j));
        }
    }

    private void launch(String main, Path log, String... args) throws IOException {
        List<String> cmd = sparkJava("-Xmx256m", main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = sparkProcess(cmd, log);
        pb.environment().put("SPARK_WORKER_DIR", dir.resolve("work").toString());
        processes.add(pb.start());
    }

    /** {@code java} with a heap of {@code xmx} and this JVM's module flags, which Spark needs on Java 17. */
    private static List<String> java(String xmx) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(xmx);
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty")) cmd.add(a);
        }
        return cmd;
    }

    /** {@link #java} running {@code main} on Spark's jars only ({@code SPARK_HOME/jars/*}), as {@code spark-class} does. */
    private List<String> sparkJava(String xmx, String main) {
        List<String> cmd = java(xmx);
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + "/*");
        cmd.add(main);
        return cmd;
    }

    /** A process of this cluster's Spark installation, its output in {@code log}. */
    private ProcessBuilder sparkProcess(List<String> cmd, Path log) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb;
    }

    /** Starts a driver and waits for it; its exit code, or -1 if it had not finished after {@link #DRIVER}. */
    private int runDriver(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        processes.add(p);
        if (!p.waitFor(DRIVER.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Polls a log until {@code pattern} appears; fails if the process dies or time runs out. */
    private static Matcher await(Path log, Pattern pattern, Process p) throws IOException, InterruptedException {
        long until = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < until) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (m.find()) return m;
            }
            if (!p.isAlive()) throw new IllegalStateException("exited before logging '" + pattern + "': " + tail(log));
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + pattern + "' within " + START.toSeconds() + " s: " + tail(log));
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "(no log)";
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    /** Kills every process of the cluster and whatever they started (the worker's executors). */
    private void kill() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running or has run
        }
    }
}

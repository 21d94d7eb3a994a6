package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.StandaloneCluster;

/**
 * The jobs on a real standalone cluster on 127.0.0.1 (a master and one worker, each a JVM of
 * its own started from Spark's jars), submitted by {@code sendscope spark JOB --master
 * spark://127.0.0.1:PORT} from a driver JVM of its own: the results equal the local run's —
 * {@code aggregate} on synthetic SEN2 of two LAs, {@code comparisons} on the real releases'
 * Parquet export.
 */
@ExtendWith(SharedWarehouse.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterTest {
    StandaloneCluster cluster;
    Path dir;
    Path synth;
    Path export;

    @BeforeAll
    void start(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path warehouse, @TempDir Path dir)
            throws Exception {
        this.dir = dir;
        LocalSpark.session();
        synth = dir.resolve("synth");
        CliRun r = CliRun.of("synth", "sen2", "--warehouse", warehouse.toString(), "--areas", "E06000058,E06000055",
                "--years", "2021-2023", "--out", synth.toString());
        assertEquals(0, r.code(), r.err());
        export = Exported.of("NOTEBOOKS", warehouse);
        cluster = StandaloneCluster.start(dir.resolve("cluster"), "1g");
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    /** Runs a job locally in this JVM (once per job); returns its output folder. */
    Path local(String job, Path input) {
        Path local = dir.resolve(job + "-local");
        if (!Files.exists(local.resolve(JobRunner.MANIFEST))) {
            JobRunner.run(LocalSpark.session(), SparkJobs.named(job), JobArgs.of(input.toString(), local.toString(),
                    OutputFormat.parquet));
        }
        return local;
    }

    /** Runs a job locally in this JVM and on the cluster from a driver JVM; returns the two output folders. */
    Path[] both(String job, Path input) throws Exception {
        Path local = local(job, input);
        Path remote = dir.resolve(job + "-cluster");
        Path log = dir.resolve(job + "-driver.log");
        int code = cluster.runCommand(log, Map.of("spark.jars", cluster.appJar().toString(),
                        "spark.executor.memory", "512m", "spark.cores.max", "1"),
                "spark", job, "--input", input.toString(), "--output", remote.toString(), "--master", cluster.url());
        assertEquals(0, code, Files.readString(log) + cluster.logs());
        JsonNode m = new ObjectMapper().readTree(remote.resolve(JobRunner.MANIFEST).toFile());
        assertEquals(cluster.url(), m.get("master").asText());
        return new Path[] {local, remote};
    }

    /** Asserts each output folder of {@code local} has the same rows in {@code remote} (doubles to 1e-9 relative). */
    static void assertSameOutputs(Path local, Path remote) throws Exception {
        List<Path> outputs = new ArrayList<>();
        try (var s = Files.list(local)) {
            s.filter(Files::isDirectory).sorted().forEach(outputs::add);
        }
        assertTrue(!outputs.isEmpty(), "no outputs in " + local);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (Path o : outputs) {
                String a = rounded(s, o + "/*.parquet");
                String b = rounded(s, remote.resolve(o.getFileName()) + "/*.parquet");
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM (" + a + ")), (SELECT count(*) FROM (" + b
                        + ")), (SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))), "
                        + "(SELECT count(*) FROM ((" + b + ") EXCEPT ALL (" + a + ")))")) {
                    rs.next();
                    String what = o.getFileName().toString();
                    assertTrue(rs.getLong(1) > 0, what + " is empty");
                    assertEquals(rs.getLong(1), rs.getLong(2), what);
                    assertEquals(0, rs.getLong(3), what);
                    assertEquals(0, rs.getLong(4), what);
                }
            }
        }
    }

    /**
     * The rows of a Parquet folder with every floating-point column to 9 significant digits: a sum
     * over partitions in another order may differ in the last bits.
     */
    static String rounded(Statement s, String glob) throws Exception {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
            while (rs.next()) {
                String name = "\"" + rs.getString(1) + "\"";
                String type = rs.getString(2);
                cols.add(type.equals("DOUBLE") || type.equals("FLOAT")
                        ? "CASE WHEN " + name + " = 0 THEN 0 ELSE round(" + name + " / pow(10, floor(log10(abs(" + name
                                + ")))), 9) * pow(10, floor(log10(abs(" + name + ")))) END AS " + name
                        : name);
            }
        }
        return "SELECT " + String.join(", ", cols) + " FROM read_parquet('" + glob + "')";
    }

    @Test
    void aggregateOnTheClusterEqualsTheLocalRun() throws Exception {
        Path[] out = both("aggregate", synth);
        assertSameOutputs(out[0], out[1]);
    }

    /**
     * The job jar submitted through Spark's own submit class ({@code SparkSubmit}, which
     * {@code spark-submit} runs) from a JVM holding Spark's jars only, as README's recipe says.
     */
    @Test
    void aggregateSubmittedAsTheJobJarEqualsTheLocalRun() throws Exception {
        Path local = local("aggregate", synth);
        Path remote = dir.resolve("aggregate-submitted");
        Path log = dir.resolve("aggregate-submit.log");
        Path jar = cluster.jobJar();
        int code = cluster.submit(log, jar, Map.of("spark.executor.memory", "512m", "spark.cores.max", "1"),
                "org.sendscope.spark.SparkSubmitMain", "aggregate", "--input", synth.toString(), "--output", remote.toString());
        assertEquals(0, code, jar + "\n" + Files.readString(log) + cluster.logs());
        JsonNode m = new ObjectMapper().readTree(remote.resolve(JobRunner.MANIFEST).toFile());
        assertEquals(cluster.url(), m.get("master").asText());
        assertEquals("aggregate", m.get("job").asText());
        assertSameOutputs(local, remote);
    }

    /**
     * Was disabled: 2 of 353,031 rows differed after rounding to 9 digits, because the neighbours'
     * mean was an {@code avg} whose partial sums arrive in task order (docs/decisions/0199).
     * Now summed in ascending order, the rows are equal to the last bit.
     */
    @Test
    void comparisonsOnTheClusterEqualsTheLocalRun() throws Exception {
        Path[] out = both("comparisons", export);
        assertSameOutputs(out[0], out[1]);
    }
}

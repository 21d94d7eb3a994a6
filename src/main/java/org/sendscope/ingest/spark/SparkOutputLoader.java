package org.sendscope.ingest.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadResult;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.Loader;
import org.sendscope.ingest.SourceFile;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope load spark DIR}: a Spark job's output folder ({@code sendscope spark JOB
 * --output DIR}) back into the warehouse, in one load: the run from its manifest (job, settings and
 * seeds, Spark version and master, every input file with its SHA-256) in {@code spark_run}, and
 * every row of every output in {@code spark_output_row}, checked against the row counts the
 * manifest states. A later run of the same job replaces the earlier one (scope {@code spark|JOB}).
 * Reads the folder in place with DuckDB (Parquet, or CSV with a header); never needs Spark.
 */
public final class SparkOutputLoader implements Loader {
    /** The manifest {@code spark/JobRunner} writes at the top of an output folder. */
    public static final String MANIFEST = "_sendscope_job.json";

    @Override
    public LoadResult load(Warehouse warehouse, Path dir, boolean replace) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new LoadException(dir.toString(), "no " + MANIFEST + ": not the output folder of a sendscope spark job");
        }
        String text;
        JsonNode m;
        try {
            text = Files.readString(manifestFile);
            m = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new LoadException(manifestFile.toString(), "unreadable manifest: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        String job = required(m, "job", manifestFile);
        String runId = required(m, "run_id", manifestFile);
        boolean csv = "csv".equals(m.path("format").asText("parquet"));
        List<String[]> outputs = new ArrayList<>();   // name, files pattern, rows stated
        for (JsonNode o : m.path("outputs")) {
            String name = o.path("name").asText();
            Path folder = dir.resolve(name);
            String ext = csv ? ".csv" : ".parquet";
            if (!hasFiles(folder, ext)) {
                throw new LoadException(folder.toString(), "the manifest lists output " + name + " but its folder has no "
                        + ext + " files");
            }
            outputs.add(new String[] {name, folder.toAbsolutePath().resolve("*" + ext).toString(), o.path("rows").asText()});
        }
        if (outputs.isEmpty()) throw new LoadException(manifestFile.toString(), "the manifest lists no outputs");
        SourceFile file = SourceFile.ofDirectory(dir);
        return LoadRun.run(warehouse, "spark", "spark|" + job, file, m.path("finished").asText(runId), replace, run -> {
            try (PreparedStatement p = run.connection().prepareStatement(
                    "INSERT INTO spark_run VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, run.loadId());
                p.setString(2, runId);
                p.setString(3, job);
                p.setString(4, m.path("started").asText(null));
                p.setString(5, m.path("finished").asText(null));
                p.setString(6, m.path("spark_version").asText(null));
                p.setString(7, m.path("master").asText(null));
                p.setString(8, m.path("input").asText(null));
                p.setString(9, m.path("settings").toString());
                p.setString(10, m.path("input_files").toString());
                p.setString(11, text);
                p.executeUpdate();
            }
            long total = 0;
            for (String[] o : outputs) {
                String read = (csv ? "read_csv('" : "read_parquet('") + o[1].replace("'", "''")
                        + (csv ? "', header = true)" : "')");
                long n;
                try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO spark_output_row "
                        + "SELECT ?, ?, row_number() OVER (), CAST(to_json(t) AS VARCHAR) FROM " + read + " t")) {
                    p.setLong(1, run.loadId());
                    p.setString(2, o[0]);
                    n = p.executeUpdate();
                }
                if (!o[2].isEmpty() && Long.parseLong(o[2]) != n) {
                    throw new LoadException(dir.resolve(o[0]).toString(), "has " + n + " rows where the manifest says "
                            + o[2] + ": the folder is not the one the job wrote");
                }
                run.part(o[0], n);
                total += n;
            }
            return total;
        });
    }

    private static String required(JsonNode m, String field, Path file) {
        String v = m.path(field).asText("");
        if (v.isEmpty()) throw new LoadException(file.toString(), "the manifest has no " + field);
        return v;
    }

    private static boolean hasFiles(Path folder, String ext) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> s = Files.list(folder)) {
            return s.anyMatch(p -> p.getFileName().toString().endsWith(ext));
        } catch (IOException e) {
            return false;
        }
    }

    /** The rows of one output of a loaded run, for tests and notebooks: how many there are. */
    public static long rows(Warehouse w, String job, String output) throws SQLException {
        try (PreparedStatement p = w.connection().prepareStatement(
                "SELECT count(*) FROM spark_outputs WHERE job = ? AND output = ?")) {
            p.setString(1, job);
            p.setString(2, output);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

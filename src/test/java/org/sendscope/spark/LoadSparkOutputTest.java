package org.sendscope.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.CliRun;
import org.sendscope.testing.LocalSpark;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope load spark DIR} brings a job's output back with its provenance: the run's job,
 * settings and input checksums in spark_runs, every row in spark_outputs (as many as the manifest
 * says), in one load; the same folder again changes nothing; a folder whose rows do not match its
 * manifest is refused naming the output, and nothing of it is kept.
 */
@ExtendWith(SharedWarehouse.class)
class LoadSparkOutputTest {
    static Path warehouse;
    static Path export;

    @BeforeAll
    static void export(@SharedWarehouse.Copy(SharedWarehouse.Contents.NOTEBOOKS) Path w) {
        warehouse = w;
        export = Exported.of("NOTEBOOKS", w);
        LocalSpark.session();   // the commands run on the test run's session
    }

    private static Path simulate(String format) throws IOException {
        Path out = Files.createTempDirectory("sendscope-spark-simulate-");
        CliRun r = CliRun.of("spark", "simulate", "--input", export.toString(), "--output", out.toString(),
                "--origin", "2023", "--horizon", "2", "--simulations", "20", "--batches", "2", "--seed", "5",
                "--format", format);
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void aRunComesBackWithItsSettingsInputsAndEveryRow() throws Exception {
        Path out = simulate("parquet");
        CliRun load = CliRun.of("load", "spark", out.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, load.code(), load.err());
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            // one row per LA reporting in January 2023 and target year
            long expected = w.count("SELECT 2 * count(DISTINCT area_code) FROM observations WHERE measure = 'ehc_plans' "
                    + "AND breakdown = 'total' AND level = 'local_authority' AND period_start = DATE '2023-01-01' AND value > 0");
            assertEquals(expected, w.count("SELECT count(*) FROM spark_outputs WHERE job = 'simulate' AND output = 'simulations'"));
            assertEquals(1, w.count("SELECT count(*) FROM spark_runs WHERE job = 'simulate' AND settings->>'seed' = '5' "
                    + "AND settings->>'batches' = '2' AND rows = " + expected
                    + " AND input_files LIKE '%observations.parquet%' AND input_files LIKE '%sha256%'"));
            assertEquals(expected, w.count("SELECT count(*) FROM spark_outputs WHERE output = 'simulations' "
                    + "AND CAST(record->>'simulations' AS INTEGER) = 20 AND CAST(record->>'seed' AS INTEGER) = 5"));
        }
        CliRun again = CliRun.of("load", "spark", out.toString(), "--warehouse", warehouse.toString());
        assertEquals(0, again.code(), again.err());
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            assertEquals(1, w.count("SELECT count(*) FROM spark_runs WHERE job = 'simulate'"));
        }
    }

    @Test
    void csvOutputLoadsTooAndAFolderThatLostRowsIsRefused() throws Exception {
        Path out = simulate("csv");
        Path csv;
        try (Stream<Path> s = Files.list(out.resolve("simulations"))) {
            csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        // drop the last row: the folder no longer holds what the job wrote
        String text = Files.readString(csv).stripTrailing();
        Files.writeString(csv, text.substring(0, text.lastIndexOf('\n') + 1));
        Path copy = Files.createTempDirectory("sendscope-copy-").resolve("w.duckdb");
        Files.copy(warehouse, copy);
        long loadsBefore;
        long rowsBefore;
        try (Warehouse w = Warehouse.openReadOnly(copy)) {
            loadsBefore = w.count("SELECT count(*) FROM loads WHERE status = 'loaded'");
            rowsBefore = w.count("SELECT count(*) FROM spark_output_row");
        }
        CliRun load = CliRun.of("load", "spark", out.toString(), "--warehouse", copy.toString());
        assertEquals(1, load.code(), load.out());
        assertTrue(load.err().contains("simulations: has ") && load.err().contains(" rows where the manifest says "),
                load.err());
        try (Warehouse w = Warehouse.openReadOnly(copy)) {
            assertEquals(loadsBefore, w.count("SELECT count(*) FROM loads WHERE status = 'loaded'"));
            assertEquals(rowsBefore, w.count("SELECT count(*) FROM spark_output_row"));
        }
    }
}

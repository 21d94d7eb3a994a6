package org.sendscope.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.ingest.LoadException;
import org.sendscope.ingest.LoadRun;
import org.sendscope.ingest.SourceFile;

/**
 * The analysis views read marts computed inside each load's transaction (docs/decisions/0125): a
 * reader that opens after the load sees the new figures already compared; a refused load leaves
 * the comparisons as they were. Made-up numbers.
 */
class MartsTest {

    static long load(Warehouse w, Path dir, String name, String vintage, double bcp, boolean fail) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, name + bcp);
        return LoadRun.run(w, "dfe-ehcp", "dfe-ehcp|" + name, SourceFile.of(f), vintage, run -> {
            try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO observation_fact VALUES (?, NULL, ?, "
                    + "'ehc_requests', 'total', 'calendar_year', '2022', DATE '2022-01-01', DATE '2022-12-31', ?, 'reported', "
                    + "'dfe-ehcp', ?, ?)")) {
                String[][] rows = {{"E06000058", "local_authority"}, {"E06000059", "local_authority"}, {"E92000001", "england"}};
                double[] values = {bcp, 400, 70000};
                for (int i = 0; i < rows.length; i++) {
                    p.setString(1, rows[i][0]);
                    p.setString(2, rows[i][1]);
                    p.setDouble(3, values[i]);
                    p.setString(4, vintage);
                    p.setLong(5, run.loadId());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = run.connection().prepareStatement("INSERT INTO measure_fact VALUES ('ehc_requests', "
                    + "'Requests for an EHC needs assessment', 'count', 'neutral', 'dfe-ehcp', NULL, NULL, 't', ?)")) {
                p.setLong(1, run.loadId());
                p.executeUpdate();
            }
            if (fail) throw new LoadException(name, "refused on purpose");
            return 3;
        }).loadId();
    }

    @Test
    void aLoadsFiguresAreComparedWhenItCommitsAndARefusedLoadChangesNoComparison(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(file)) {
            load(w, dir, "a.csv", "2022", 900, false);
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(2, r.count("SELECT count(*) FROM mart_benchmark_comparison"));
            assertEquals(900, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(-69100, r.count("SELECT gap_england FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(1, r.count("SELECT rank FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(3, r.count("SELECT count(*) FROM kpi_trend"));
            assertEquals(3, r.count("SELECT count(*) FROM kpi_latest"));
        }
        try (Warehouse w = Warehouse.open(file)) {
            assertThrows(LoadException.class, () -> load(w, dir, "b.csv", "2023", 100, true));
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(2, r.count("SELECT count(*) FROM benchmark_comparison"));
            assertEquals(900, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
        }
        // a corrected release of the same scope replaces the figure and its comparison in one step
        try (Warehouse w = Warehouse.open(file)) {
            LoadRun.replacing(true, () -> {
                try {
                    return load(w, dir, "a.csv", "2022", 300, false);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        }
        try (Warehouse r = Warehouse.openReadOnly(file)) {
            assertEquals(300, r.count("SELECT value FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(2, r.count("SELECT rank FROM benchmark_comparison WHERE area_code = 'E06000058'"));
            assertEquals(2, r.count("SELECT count(*) FROM benchmark_comparison"));
        }
    }
}

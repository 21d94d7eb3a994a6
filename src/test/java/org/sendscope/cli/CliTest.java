package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.SharedData;

/** The command line as a user types it, on a warehouse file loaded from the real SEN2 releases. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    Path dir;
    Path warehouse;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    void load(@TempDir Path tmp) {
        dir = tmp;
        warehouse = dir.resolve("w.duckdb");
        CliRun r = run("load", "dfe-ehcp", SharedData.dfe("ehc-plans/education-health-and-care-plans_2022.zip").toString(),
                SharedData.dfe("ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip").toString(),
                "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("339,216 rows"), r.out());
    }

    @Test
    void theIssuesExampleQueryAnswersInCsv() {
        CliRun r = run("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT area_name, value FROM observations WHERE measure='ehc_plans' AND breakdown='total' "
                        + "AND level='local_authority' AND year(period_end)=2023 ORDER BY value DESC LIMIT 5");
        assertEquals(0, r.code(), r.err());
        // caseload.csv 202223: Kent has the most EHC plans of any LA, 18,931.
        assertEquals("area_name,value", r.out().lines().findFirst().orElseThrow());
        assertEquals("Kent,18931", r.out().lines().skip(1).findFirst().orElseThrow());
        assertEquals(6, r.out().lines().count());
    }

    @Test
    void jsonAndTableFormats() {
        CliRun j = run("sql", "--warehouse", warehouse.toString(), "--format", "json",
                "SELECT area_code, value FROM observations WHERE measure = 'ehc_plans' AND breakdown = 'total' "
                        + "AND area_code = 'E06000058' AND period_label = '202223'");
        assertTrue(j.out().contains("{\"area_code\": \"E06000058\", \"value\": 3266}"), j.out());
        CliRun t = run("sql", "--warehouse", warehouse.toString(), "SELECT 1 AS one");
        assertTrue(t.out().contains("(1 row)"), t.out());
    }

    @Test
    void writesAndFileReadsAreRefusedInOneLineWithExitCode1() {
        for (String q : new String[]{"DROP VIEW observations", "SELECT * FROM read_csv('/etc/passwd')",
                "ATTACH '/tmp/x.duckdb'", "COPY observations TO '/tmp/x.csv'", "INSTALL httpfs"}) {
            CliRun r = run("sql", "--warehouse", warehouse.toString(), q);
            assertEquals(1, r.code(), q);
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("sendscope: refused:"), r.err());
        }
    }

    @Test
    void aBadQueryIsAUserErrorNotABug() {
        CliRun r = run("sql", "--warehouse", warehouse.toString(), "SELECT nonsense FROM observations");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nonsense"), r.err());
    }

    @Test
    void csvCellsThatWouldBeFormulasAreNeutralised() {
        CliRun r = run("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT '=HYPERLINK(\"http://x\")' AS a, '-12' AS b, '+cmd' AS c, '@SUM(A1)' AS d");
        assertEquals("'=HYPERLINK(\"\"http://x\"\")\",-12,'+cmd,'@SUM(A1)", r.out().lines().skip(1).findFirst().orElseThrow()
                .replaceFirst("^\"", ""));
    }

    @Test
    void statusListsTheLoadsAndCounts() {
        CliRun r = run("status", "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("education-health-and-care-plans_2022.zip"), r.out());
        assertTrue(r.out().contains("339216"), r.out());
        assertTrue(r.out().contains("62858"), r.out());
    }

    @Test
    void exportWritesEveryPublicViewAsParquet() throws Exception {
        Path out = dir.resolve("export");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(warehouse);
        CliRun r;
        // Export opens the file read-only: it runs while a writer holds the warehouse (a read-write
        // open would be refused as in use) and leaves the file as it was.
        try (org.sendscope.warehouse.Warehouse writer = org.sendscope.warehouse.Warehouse.open(warehouse)) {
            r = run("export", "parquet", out.toString(), "--warehouse", warehouse.toString());
            assertEquals(before, Files.getLastModifiedTime(warehouse));
        }
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out.resolve("observations.parquet")) > 100_000);
        assertTrue(Files.exists(out.resolve("areas.parquet")));
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT value FROM read_parquet('" + out.resolve("observations.parquet")
                     + "') WHERE area_code = 'E92000001' AND measure = 'ehc_plans' AND breakdown = 'total' "
                     + "AND period_label = '202223'")) {
            assertTrue(rs.next());
            assertEquals(517_048, rs.getLong(1));
        }
    }

    @Test
    void aMissingFileIsAUserError() {
        CliRun r = run("load", "dfe-ehcp", dir.resolve("nope.zip").toString(), "--warehouse", warehouse.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("nope.zip: no such file"), r.err());
    }
}

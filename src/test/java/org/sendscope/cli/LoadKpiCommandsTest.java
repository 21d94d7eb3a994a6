package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine;

class LoadKpiCommandsTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void loadKpisAndLoadPaper(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "KPI,Dec-23,Jan-24,Target\nNo. of complaints,5,x5,0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, run(out, err, "load", "kpis", csv.toString(), "--area", "E06000058", "--published", "2024-04-30",
                "--warehouse", w.toString()), err.toString());
        assertTrue(out.toString().contains("1 values rejected"), out.toString());
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "KPIs\n\tDirection\tSep-24\tOct-24\nNo. of complaints\t▼\t3\t2\n");
        assertEquals(0, run(out, err, "load", "paper", paper.toString(), "--area", "E06000058", "--published", "2024-11-01",
                "--warehouse", w.toString()), err.toString());
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            assertEquals(3, wh.count("SELECT count(*) FROM observations WHERE measure = 'complaints' AND value IS NOT NULL"));
            assertEquals(1, wh.count("SELECT count(*) FROM load_rejects WHERE raw_value = 'x5'"));
        }
    }

    @Test
    void userErrorsExitOneWithAClearMessage(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("paper.txt");
        Files.writeString(paper, "nothing here\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(1, run(out, err, "load", "paper", paper.toString(), "--area", "BCP", "--published", "2024-11-01",
                "--warehouse", dir.resolve("w.duckdb").toString()));
        assertTrue(err.toString().contains("--area must be a GSS code"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run(out, err, "load", "paper", paper.toString(), "--area", "E06000058", "--published", "24/07/2024",
                "--warehouse", dir.resolve("w.duckdb").toString()));
        assertTrue(err.toString().contains("--published must be a date"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run(out, err, "load", "paper", paper.toString(), "--area", "E06000058", "--published", "2024-07-24",
                "--warehouse", dir.resolve("w.duckdb").toString()));
        assertTrue(err.toString().contains(paper.toString()) && err.toString().contains("no KPI table found"), err.toString());
    }

    @Test
    void areaMustBeAKnownLocalAuthorityOnceAReleaseNamesTheAreas(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.duckdb");
        Path csv = dir.resolve("scorecard.csv");
        Files.writeString(csv, "kpi,period,value\ncomplaints,Dec-23,4\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // an empty warehouse: an English LA code is taken on its pattern (docs/decisions/0087), E99999999 is not one
        assertEquals(1, run(out, err, "load", "kpis", csv.toString(), "--area", "E99999999", "--published", "2024-04-30",
                "--warehouse", w.toString()));
        assertTrue(err.toString().contains("E99999999 is not an English local authority's GSS code"), err.toString());
        assertEquals(0, run(out, err, "load", "dfe-ehcp", org.sendscope.testing.SharedData.dfe("ehc-plans/education-health-and-care-plans_2025_to-jan-2023.zip").toString(),
                "--warehouse", w.toString()), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(1, run(out, err, "load", "kpis", csv.toString(), "--area", "E06999999", "--published", "2024-04-30",
                "--warehouse", w.toString()));
        assertTrue(err.toString().contains("--area: E06999999 is not in areas"), err.toString());
        // BCP by its DfE number
        assertEquals(0, run(out, err, "load", "kpis", csv.toString(), "--area", "839", "--published", "2024-04-30",
                "--warehouse", w.toString()), err.toString());
        try (Warehouse wh = Warehouse.openReadOnly(w)) {
            assertEquals(1, wh.count("SELECT count(*) FROM observations WHERE measure = 'complaints' AND area_code = 'E06000058' "
                    + "AND value = 4"));
        }
    }
}

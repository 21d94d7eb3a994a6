package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.cli.Main;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;
import org.sendscope.warehouse.Warehouse;
import picocli.CommandLine;

/**
 * {@code sendscope notebook run} with real Jupyter and the real kernel: every notebook in
 * notebooks/ runs green on the published SEN2 releases, and a failing cell or an empty warehouse
 * makes the run fail with a message a person can act on. The same notebooks on the demo warehouse:
 * {@link NotebookDemoRunTest} (a class of its own, so that the two sets can run in parallel forks).
 */
@ExtendWith(SharedWarehouse.class)
class NotebookRunTest {
    private static final Path OUT = Path.of("target", "notebooks");

    /** Runs the CLI and returns its exit code and printed output. */
    static Object[] run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(sw, true));
        cl.setErr(new PrintWriter(sw, true));
        int code = cl.execute(args);
        return new Object[] {code, sw.toString()};
    }

    /** On a copy of what the notebooks read ({@link SharedWarehouse.Contents#NOTEBOOKS}: SEN2, neighbours, papers, actions). */
    @Test
    void everyNotebookRunsOnThePublishedReleases(@SharedWarehouse.Copy(Contents.NOTEBOOKS) Path w) throws Exception {
        Jupyter.require();

        Object[] result = run("notebook", "run", "--warehouse", w.toString());
        String out = (String) result[1];
        assertEquals(0, result[0], out);
        for (Path nb : NotebookRunner.notebooksIn(Path.of("notebooks"))) {
            String name = nb.getFileName().toString().replace(".ipynb", "");
            assertTrue(out.contains("ok      " + name + ".ipynb"), out);
            assertTrue(Files.exists(OUT.resolve(name + ".html")), name);
        }

        // The chart is a PNG inside the HTML; the answer is worked out from the SEN2 2025 release:
        // BCP 2,448 plans in January 2020 and 3,266 in January 2023 (caseload.csv, E06000058).
        String benchmarks = Files.readString(OUT.resolve("benchmarks.html"));
        assertTrue(benchmarks.contains("data:image/png;base64,"), "a PNG chart in benchmarks.html");
        // Every chart has alt text in the HTML: an <img> for each chart, each with alt="…".
        int charts = benchmarks.split("<img src=\"data:image/png;base64,", -1).length - 1;
        int described = benchmarks.split("\" alt=\"", -1).length - 1;
        assertTrue(charts > 0 && described == charts, charts + " charts, " + described + " with alt text");
        assertTrue(benchmarks.contains("<strong>33.4%</strong> (2,448 to 3,266)"), "the answer sentence");

        // A %%sql cell's table, with the loads the test made.
        String scrutiny = Files.readString(OUT.resolve("scrutiny.html"));
        assertTrue(scrutiny.contains("class=\"sendscope-table\""), "an HTML table in scrutiny.html");
        assertTrue(scrutiny.contains("education-health-and-care-plans_2022.zip"), "the loads table");
        assertTrue(scrutiny.contains("<strong>3,266</strong> EHC plans"), "the --out variable used in a sentence");

        // The scorecard on BCP's papers: the Improvement Board's March 2024 figure for KPI 12.
        String scorecard = Files.readString(OUT.resolve("scorecard.html"));
        assertTrue(scorecard.contains("<strong>67.1%</strong> in March 24 against a target of 95%"), "scorecard answer");
        // Three plans, four snapshots (BCP's plan and its copy in the agenda pack, Hull, Bedford).
        String plan = Files.readString(OUT.resolve("improvement-plan.html"));
        assertTrue(plan.contains("3 plan(s), 4 snapshot(s) loaded."), "improvement-plan answer");
    }

    @Test
    void aFailingCellFailsTheRunAndSaysWhereAndWhy(@TempDir Path dir) throws Exception {
        Jupyter.require();
        Path nb = dir.resolve("failing.ipynb");
        Files.writeString(nb, notebook("int ok = 2;", "System.out.println(\\\"before\\\");\\nint b = ok / 0;", "int never = 3;"));
        Object[] result = run("notebook", "run", nb.toString(), "--warehouse", dir.resolve("none.duckdb").toString(),
                "--output-dir", dir.resolve("out").toString());
        String out = (String) result[1];
        assertEquals(Main.USER_ERROR, result[0], out);
        assertTrue(out.contains("FAILED  failing.ipynb"), out);
        assertTrue(out.contains("java.lang.ArithmeticException: / by zero (line 2)"), out);

        // A %%sql cell that tries to write is refused with the console's sentence.
        Path w = dir.resolve("w.duckdb");
        try (Warehouse wh = Warehouse.open(w)) {
            wh.execute("INSERT INTO load_log VALUES (1, 'test', 'test|1', 'hand-written', 'x', '1', now(), now(), 0, 0, 'loaded', NULL)");
        }
        Path sql = dir.resolve("writes.ipynb");
        Files.writeString(sql, notebook("%%sql\\nDELETE FROM observation_fact"));
        Object[] refused = run("notebook", "run", sql.toString(), "--warehouse", w.toString(), "--output-dir", dir.resolve("out").toString());
        assertEquals(Main.USER_ERROR, refused[0], (String) refused[1]);
        assertTrue(((String) refused[1]).contains("WarehouseException: refused: the SQL console is read-only"), (String) refused[1]);
    }

    @Test
    void anEmptyWarehouseSaysWhatToLoad(@TempDir Path dir) throws Exception {
        Jupyter.require();
        Path empty = dir.resolve("empty.duckdb");
        Warehouse.open(empty).close();
        for (String nb : new String[] {"notebooks/benchmarks.ipynb", "notebooks/scrutiny.ipynb"}) {
            Object[] result = run("notebook", "run", nb, "--warehouse", empty.toString(), "--output-dir", dir.resolve("out").toString());
            String out = (String) result[1];
            assertEquals(Main.USER_ERROR, result[0], out);
            assertTrue(out.contains("NoDataException: no data loaded in"), out);
            assertTrue(out.contains("sendscope load dfe-ehcp"), out);
        }
        Object[] missing = run("notebook", "run", "notebooks/benchmarks.ipynb", "--warehouse", dir.resolve("absent.duckdb").toString(),
                "--output-dir", dir.resolve("out").toString());
        assertTrue(((String) missing[1]).contains("no data loaded: there is no warehouse at"), (String) missing[1]);
    }

    /** A notebook for sendscope's kernel with one code cell per argument (JSON-escaped source). */
    static String notebook(String... cells) {
        StringBuilder b = new StringBuilder("{\"cells\": [");
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) b.append(',');
            b.append("{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c").append(i)
                    .append("\", \"metadata\": {}, \"outputs\": [], \"source\": \"").append(cells[i]).append("\"}");
        }
        return b.append("], \"metadata\": {\"kernelspec\": {\"name\": \"sendscope\", \"display_name\": \"Java (sendscope)\", "
                + "\"language\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}\n").toString();
    }
}

package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** The three LAs every shipped notebook runs for in CI: BCP, Hull and Bedford. */
    static final String[] AREAS = {"E06000058", "E06000010", "E06000055"};

    /**
     * On a copy of what the notebooks read ({@link SharedWarehouse.Contents#NOTEBOOKS}: SEN2,
     * neighbours, papers, actions): every notebook for BCP, Hull and Bedford in one
     * {@code --for-each-area} run, with an index page linking the 3 × N executed copies.
     */
    @Test
    void everyNotebookRunsOnThePublishedReleasesForBcpHullAndBedford(@SharedWarehouse.Copy(Contents.NOTEBOOKS) Path w) throws Exception {
        Jupyter.require();

        Object[] result = run("notebook", "run", "--for-each-area", String.join(",", AREAS), "--warehouse", w.toString());
        String out = (String) result[1];
        assertEquals(0, result[0], out);
        String index = Files.readString(OUT.resolve("index.html"));
        for (Path nb : NotebookRunner.notebooksIn(Path.of("notebooks"))) {
            String name = nb.getFileName().toString().replace(".ipynb", "");
            for (String area : AREAS) {
                assertTrue(out.contains("ok      " + name + ".ipynb  area=" + area), name + " " + area + "\n" + out);
                assertTrue(Files.exists(OUT.resolve(name + "-" + area + ".html")), name + " " + area);
                assertTrue(index.contains("<a href=\"" + name + "-" + area + ".html\">"), "index links " + name + " " + area);
                // No answer is "NaN": every sentence was worked out from figures that exist.
                String text = NotebookOutputs.text(OUT.resolve(name + "-" + area + ".ipynb"));
                assertFalse(text.contains("NaN"), name + " " + area + " shows NaN");
            }
        }
        assertTrue(index.contains("<td>E06000010</td><td>Kingston upon Hull, City of</td>"), "the index names each area");

        // The chart is a PNG inside the HTML; the answer is worked out from the SEN2 2025 release:
        // BCP 2,448 plans in January 2020 and 3,266 in January 2023 (caseload.csv, E06000058).
        String benchmarks = Files.readString(OUT.resolve("benchmarks-E06000058.html"));
        assertTrue(benchmarks.contains("data:image/png;base64,"), "a PNG chart in benchmarks.html");
        // Every chart has alt text in the HTML: an <img> for each chart, each with alt="…".
        int charts = benchmarks.split("<img src=\"data:image/png;base64,", -1).length - 1;
        int described = benchmarks.split("\" alt=\"", -1).length - 1;
        assertTrue(charts > 0 && described == charts, charts + " charts, " + described + " with alt text");
        assertTrue(benchmarks.contains("<strong>33.4%</strong> (2,448 to 3,266)"), "the answer sentence");
        // The same notebook for Hull: 1,087 plans in January 2010 and 2,595 in January 2023 (SEN2, E06000010).
        assertTrue(Files.readString(OUT.resolve("benchmarks-E06000010.html"))
                .contains("EHC plans in Kingston upon Hull, City of grew by <strong>138.7%</strong> (1,087 to 2,595)"), "Hull's answer");

        // A %%sql cell's table, with the loads the test made.
        String scrutiny = Files.readString(OUT.resolve("scrutiny-E06000058.html"));
        assertTrue(scrutiny.contains("class=\"sendscope-table\""), "an HTML table in scrutiny.html");
        assertTrue(scrutiny.contains("education-health-and-care-plans_2022.zip"), "the loads table");
        assertTrue(scrutiny.contains("<strong>3,266</strong> EHC plans"), "the --out variable used in a sentence");
        // SEN2's calendar years only, beside England and the region: 2022, BCP 6.7%, England 47.7%,
        // the South West 34.7% (SEN2 2022 release, IncExc20weekRate); BCP's own March 2024 figure apart.
        assertTrue(scrutiny.contains("In 2022 Bournemouth, Christchurch and Poole issued <strong>6.7%</strong> of new EHC plans "
                + "within 20 weeks; England 47.7%, South West 34.7%."), "timeliness answer");
        // Suppressed figures: periods as people say them and markers explained.
        assertTrue(scrutiny.contains("<td>January 2020</td>") && !scrutiny.contains("<td>201920</td>"), "census named, not coded");
        assertTrue(scrutiny.contains("<td>to be confirmed (tbc)</td>"), "the marker explained");
        assertTrue(scrutiny.contains("<td>HT3 2023-24</td>"), "a half term as people say it");

        // The scorecard on BCP's papers: the Improvement Board's March 2024 figure for KPI 12.
        String scorecard = Files.readString(OUT.resolve("scorecard-E06000058.html"));
        assertTrue(scorecard.contains("<strong>67.1%</strong> in Mar 2024 against a target of 95%"), "scorecard answer");
        assertFalse(scorecard.contains("is empty on the demo warehouse"), "no claim about another warehouse");
        // Which neighbour list, and how many reported: the May 2025 list of BCP's ten; 9 had a 2022 figure.
        assertTrue(scorecard.contains("the DfE list of 2025-05 (<code>sn_may_2025.xlsx</code>, 10 LAs), used for "
                + "<strong>every</strong> year above"), "the neighbour list named");
        assertTrue(scorecard.contains("2022: 9"), "neighbours reporting in 2022");
        // Three plans, four snapshots (BCP's plan and its copy in the agenda pack, Hull, Bedford);
        // BCP's own: one plan, two snapshots.
        String plan = Files.readString(OUT.resolve("improvement-plan-E06000058.html"));
        assertTrue(plan.contains("3 plan(s), 4 snapshot(s) loaded; Bournemouth, Christchurch and Poole's: 1 plan(s), 2 snapshot(s)."),
                "improvement-plan answer");
        assertTrue(Files.readString(OUT.resolve("improvement-plan-E06000010.html")).contains("Kingston upon Hull, City of's: 1 plan(s), 1 snapshot(s)."),
                "Hull's plan");
        // Hull's statistical neighbours in 2014: four reported, so no median (the view leaves it NULL).
        String hullScorecard = Files.readString(OUT.resolve("scorecard-E06000010.html"));
        assertTrue(hullScorecard.contains("Neighbours that reported each year: 2014: 4, 2015: 10"), "neighbours reporting, Hull");
        assertTrue(hullScorecard.contains("The median is left empty where fewer than 5 reported."), "the rule said");

        // my-area.ipynb for the three LAs: January 2023 caseloads from SEN2 (caseload.csv: BCP 3,266,
        // Hull 2,595, Bedford 1,651; a year before 3,063, 2,402, 1,486; England 517,048 after 473,255).
        String[][] mine = {
            {"E06000058", "<strong>Bournemouth, Christchurch and Poole maintained 3,266 EHC plans in January 2023</strong>, "
                    + "+6.6% on the year before (England +9.3%; its neighbours' median +6.8% of 10) and +33.4% since January 2020."},
            {"E06000010", "<strong>Kingston upon Hull, City of maintained 2,595 EHC plans in January 2023</strong>, "
                    + "+8.0% on the year before (England +9.3%; its neighbours' median +12.0% of 10)"},
            {"E06000055", "<strong>Bedford maintained 1,651 EHC plans in January 2023</strong>, "
                    + "+11.1% on the year before (England +9.3%; its neighbours' median +7.5% of 10)"}};
        for (String[] m : mine) {
            String html = Files.readString(OUT.resolve("my-area-" + m[0] + ".html"));
            assertTrue(html.contains(m[1]), m[0] + ": " + m[1]);
            assertTrue(html.contains("<td>Non-maintained or independent special schools</td>"), m[0] + ": the placement mix");
            assertTrue(html.contains("fan chart of the forecast by target_year: point forecast with 80% and 95% intervals"),
                    m[0] + ": the forecast fan");
        }
        // Bedford's 2022 timeliness against nine neighbours: median 40.9 (RealBenchmarksTest works it by hand).
        assertTrue(Files.readString(OUT.resolve("my-area-E06000055.html")).contains("its neighbours' median 40.9% of 9"), "Bedford");
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

    /** Parameters and areas are checked before any kernel starts, each refusal in one line. */
    @Test
    void parametersAndAreasAreCheckedFirst(@SharedWarehouse.Copy(Contents.SEN2) Path w, @TempDir Path dir) throws Exception {
        Jupyter.require();
        String out = dir.resolve("out").toString();
        Object[] r = run("notebook", "run", "notebooks/my-area.ipynb", "-p", "region=E12000009", "--warehouse", w.toString(), "--output-dir", out);
        assertEquals(Main.USER_ERROR, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("my-area.ipynb has no parameter 'region' (its parameters: area, as_of)"), (String) r[1]);
        r = run("notebook", "run", "notebooks/my-area.ipynb", "-p", "as_of=March 2024", "--warehouse", w.toString(), "--output-dir", out);
        assertTrue(((String) r[1]).contains("-p as_of=March 2024: 'March 2024' is not a date such as 2024-03-31"), (String) r[1]);
        r = run("notebook", "run", "notebooks/my-area.ipynb", "--for-each-area", "E06000058,E06999998", "--warehouse", w.toString(), "--output-dir", out);
        assertEquals(Main.USER_ERROR, r[0], (String) r[1]);
        assertTrue(((String) r[1]).contains("--for-each-area: E06999998 is not in areas"), (String) r[1]);
        r = run("notebook", "run", "notebooks/my-area.ipynb", "--region", "E12000099", "--warehouse", w.toString(), "--output-dir", out);
        assertTrue(((String) r[1]).contains("--region E12000099: no local authority in the warehouse has that region"), (String) r[1]);
        r = run("notebook", "run", "notebooks/my-area.ipynb", "--for-each-area", "E06000058", "-p", "area=E06000010", "--warehouse", w.toString());
        assertTrue(((String) r[1]).contains("-p area=… and --for-each-area both say which area; give one of them"), (String) r[1]);
        assertFalse(Files.exists(dir.resolve("out").resolve("my-area.html")), "nothing ran");
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

package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.testing.SharedData;
import org.sendscope.testing.SharedWarehouse;
import org.sendscope.testing.SharedWarehouse.Contents;

/**
 * {@code sendscope notebook run} with real Jupyter and the real kernel on the warehouse
 * {@code sendscope demo} builds: every notebook runs green. Apart from {@link NotebookRunTest}
 * so that the two notebook sets, the slowest tests of the suite, can run in parallel forks.
 */
class NotebookDemoRunTest {
    @Test
    void everyNotebookRunsOnTheDemoWarehouse(@TempDir Path dir) throws Exception {
        SharedData.dfe("ehc-plans");  // the demo reads the SEN2 releases in place where ../shared is present
        Jupyter.require();
        // A copy of what `sendscope demo` built, once for the run (the stage asserts its exit code 0).
        Path w = SharedWarehouse.copy(Contents.DEMO, dir);
        Path html = dir.resolve("html");
        Object[] result = NotebookRunTest.run("notebook", "run", "--warehouse", w.toString(), "--output-dir", html.toString());
        assertEquals(0, result[0], (String) result[1]);
        for (Path nb : NotebookRunner.notebooksIn(Path.of("notebooks"))) {
            String name = nb.getFileName().toString().replace(".ipynb", "");
            assertFalse(NotebookOutputs.text(html.resolve(name + ".ipynb")).contains("NaN"), name + " shows NaN");
        }
        // The scorecard's answer on the demo: BCP's March 2024 20-week timeliness, transcribed from
        // the Improvement Board scorecard (agenda pack, KPI 12): 67.1% against a 95% target.
        String scorecard = Files.readString(html.resolve("scorecard.html"));
        assertTrue(scorecard.contains("<strong>67.1%</strong> in Mar 2024 against a target of 95%"), "scorecard answer");
        assertFalse(scorecard.contains("is empty on the demo warehouse"), "the comparison table is not empty on the demo");
        // The improvement plan on the demo: BCP's 43 transcribed actions at two dates with synthetic
        // statuses, so "what changed?" has an answer (the seed fixes the figures).
        String plan = Files.readString(html.resolve("improvement-plan.html"));
        assertTrue(plan.contains("1 plan(s), 2 snapshot(s) loaded"), "improvement-plan answer");
        assertTrue(plan.contains("<strong>22 status change(s)</strong>, 7 moved deadline(s)"), "what changed");
        assertFalse(plan.contains("<td>unknown</td>"), "every status known");
        // The scrutiny notebook on the demo: the loads table names files whole, the timeliness answer
        // compares SEN2's calendar years only (2022: BCP 6.7%, England 47.7%, South West 34.7%), and
        // the local March 2024 figure is a month, not "2024".
        String scrutiny = Files.readString(html.resolve("scrutiny.html"));
        assertFalse(scrutiny.contains("26 v1.2)"), "a description cut at its slash");
        assertTrue(scrutiny.contains("<td>bcp-tracker-2024-04-12-synthetic-statuses.csv</td>"), "the file's name");
        assertTrue(scrutiny.contains("statuses synthetic, seed 20240412"), "what the file is");
        assertTrue(scrutiny.contains("England 47.7%, South West 34.7%. Its own latest monthly figure is 67.1% in Mar 2024"),
                "timeliness answer");
        assertFalse(scrutiny.contains("In 2024 Bournemouth"), "no local month shown as a year");
        assertTrue(scrutiny.contains("<td>no figure published (-)</td>"), "LAIT's dash explained");

        // One notebook for another LA, as of a date: Hull, to 30 June 2022 — its last January is
        // 2022 (2,402 plans, SEN2 caseload.csv), and the forecast starts there.
        Object[] hull = NotebookRunTest.run("notebook", "run", "notebooks/my-area.ipynb", "-p", "area=E06000010",
                "-p", "as_of=2022-06-30", "--warehouse", w.toString(), "--output-dir", html.resolve("hull").toString());
        assertEquals(0, hull[0], (String) hull[1]);
        String mine = Files.readString(html.resolve("hull").resolve("my-area.html"));
        assertTrue(mine.contains("Kingston upon Hull, City of maintained 2,402 EHC plans in January 2022"), "Hull to 2022");
        assertTrue(mine.contains("forecast from January 2022"), "the forecast's origin follows as_of");
        assertFalse(mine.contains("<td>January 2023</td>"), "no January after as_of in the tables");
        assertTrue(mine.contains("The forecast for January 2023 is"), "the first January forecast is the one after as_of");
    }
}

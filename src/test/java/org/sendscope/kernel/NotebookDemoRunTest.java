package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.cli.Main;
import org.sendscope.testing.SharedData;

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
        Path w = dir.resolve("demo.duckdb");
        assertEquals(0, Main.execute("demo", "--warehouse", w.toString()));
        Object[] result = NotebookRunTest.run("notebook", "run", "--warehouse", w.toString(), "--output-dir",
                dir.resolve("html").toString());
        assertEquals(0, result[0], (String) result[1]);
        // The scorecard's answer on the demo: BCP's March 2024 20-week timeliness, transcribed from
        // the Improvement Board scorecard (agenda pack, KPI 12): 67.1% against a 95% target.
        String scorecard = Files.readString(dir.resolve("html").resolve("scorecard.html"));
        assertTrue(scorecard.contains("<strong>67.1%</strong> in Mar-24 against a target of 95%"), "scorecard answer");
        // The improvement plan on the demo: the transcribed tracker, one plan, one snapshot.
        String plan = Files.readString(dir.resolve("html").resolve("improvement-plan.html"));
        assertTrue(plan.contains("1 plan(s), 1 snapshot(s) loaded."), "improvement-plan answer");
    }
}

package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sendscope.testing.CliRun;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.analysis.ScrutinyQuestion;
import org.sendscope.report.ResultPrinter;
import org.sendscope.report.TableFormat;
import org.sendscope.warehouse.Warehouse;

/**
 * {@code sendscope ask} and the SQL console on a small hand-written warehouse: BCP's 20-week KPI
 * for December 2023 to March 2024 as the improvement plan's KPI table gives it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AskAndConsoleTest {
    Path warehouse;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    void build(@TempDir Path dir) {
        warehouse = dir.resolve("w.duckdb");
        try (Warehouse w = Warehouse.open(warehouse)) {
            w.execute("INSERT INTO load_log VALUES (7, 'kpis', 'kpis|test', 'bcp-send-improvement-plan-2023-26.txt', "
                    + "'abc123', '2024-04', now(), now(), 4, 0, 'loaded', NULL)");
            w.execute("INSERT INTO area_fact VALUES ('E06000058', 839, 'Bournemouth, Christchurch and Poole', "
                    + "'local_authority', 'E12000009', 'South West', 7)");
            w.execute("INSERT INTO measure_fact VALUES ('ehc_20wk_pct_incl_exc', '% of new EHC plans issued within 20 "
                    + "weeks, including exceptions', 'percent', 'higher_is_better', 'test', NULL, NULL, 't', 7)");
            String[][] months = {{"Dec-23", "2023-12-01", "2023-12-31", "12.2"}, {"Jan-24", "2024-01-01", "2024-01-31", "27.9"},
                    {"Feb-24", "2024-02-01", "2024-02-29", "52.9"}, {"Mar-24", "2024-03-01", "2024-03-31", "67.1"}};
            for (String[] m : months) {
                w.execute("INSERT INTO observation_fact VALUES ('E06000058', 'Bournemouth, Christchurch and Poole', "
                        + "'local_authority', 'ehc_20wk_pct_incl_exc', 'total', 'month', '" + m[0] + "', DATE '" + m[1]
                        + "', DATE '" + m[2] + "', " + m[3] + ", 'reported', 'kpis', '2024-04', 7)");
            }
        }
    }

    @Test
    void askListsEveryQuestionWithItsOneLineQuestion() {
        CliRun r = run("ask");
        assertEquals(0, r.code(), r.err());
        assertTrue(ScrutinyQuestion.all().size() >= 12);
        for (ScrutinyQuestion q : ScrutinyQuestion.all()) {
            assertTrue(r.out().contains(q.name() + " "), q.name());
            assertTrue(r.out().contains(q.question()), q.question());
            for (String key : new String[] {"parameters", "sources", "answer"}) {
                assertTrue(q.header(key) != null && !q.header(key).isBlank(), q.name() + " has no " + key);
            }
        }
    }

    @Test
    void theOfficersAnswerForDecember2023() {
        // Public question to the committee of 23 January 2024: "12.2% as at Dec 23 (From 2nd Sept/Schools Return)".
        CliRun r = run("ask", "twenty_week_timeliness", "--area", "E06000058", "--as-of", "2023-12-31",
                "--warehouse", warehouse.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("this academic year to date (local scorecard) Dec-23: 12.2%"), r.out());
        assertTrue(r.out().contains("load 7: kpis bcp-send-improvement-plan-2023-26.txt, vintage 2024-04"), r.out());
        // By March 2024 the same question answers 67.1% (the plan's "Current 20-week timeliness is 67.1%").
        CliRun march = run("ask", "twenty_week_timeliness", "--area", "839", "--as-of", "2024-03-31",
                "--warehouse", warehouse.toString());
        assertTrue(march.out().contains("Mar-24: 67.1%"), march.out());
    }

    @Test
    void askRefusesWhatItCannotAnswer() {
        assertEquals(1, run("ask", "no_such_question", "--area", "E06000058", "--warehouse", warehouse.toString()).code());
        assertEquals(1, run("ask", "twenty_week_timeliness", "--warehouse", warehouse.toString()).code());
        assertEquals(1, run("ask", "twenty_week_timeliness", "--area", "E06000058", "--as-of", "Dec-23",
                "--warehouse", warehouse.toString()).code());
        CliRun bad = run("ask", "twenty_week_timeliness", "--area", "E06000058' OR '1'='1", "--warehouse", warehouse.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("no area"), bad.err());
    }

    @Test
    void everyQuestionRunsOnAWarehouseWithoutData() {
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            for (ScrutinyQuestion q : ScrutinyQuestion.all()) {
                StringWriter out = new StringWriter();
                try {
                    AskCommand.answer(w, q, "E06000058", "2024-07-24", TableFormat.table, new PrintWriter(out));
                } catch (Exception e) {
                    throw new AssertionError(q.name() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    @Test
    void placeholdersAreBoundNotPasted() {
        ScrutinyQuestion.Bound b = ScrutinyQuestion.bind(
                "SELECT '$area' AS literal, \"$x\" -- $comment\n FROM t WHERE a = $area AND d <= CAST($as_of AS DATE) /* $no */");
        assertEquals(java.util.List.of("area", "as_of"), b.names());
        assertTrue(b.sql().contains("'$area'") && b.sql().contains("\"$x\""), b.sql());
        // comments are dropped (a comment after the closing ';' must not hide it)
        assertTrue(!b.sql().contains("$comment") && !b.sql().contains("$no"), b.sql());
        assertTrue(b.sql().contains("a = ? AND d <= CAST(? AS DATE)"), b.sql());
    }

    @Test
    void theConsoleRunsMultiLineStatementsAndDotCommandsFromStdin() throws Exception {
        String input = """
                .tables
                SELECT period_label,
                       value
                FROM observations
                WHERE measure = 'ehc_20wk_pct_incl_exc'   -- the KPI; a ';' in a comment does not end it
                ORDER BY period_start;
                DELETE FROM observation_fact;
                .schema kpi_trend
                .schema nonsense
                .history
                !1
                .ask
                .ask twenty_week_timeliness E06000058 2023-12-31
                SELECT count(*) AS n FROM observations;
                .quit
                SELECT 'never run';
                """;
        StringWriter out = new StringWriter();
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            new SqlConsole(w, new BufferedReader(new StringReader(input)), new PrintWriter(out), TableFormat.table, false)
                    .run();
        }
        String o = out.toString();
        assertTrue(o.contains("benchmark_comparison\n"), o);                      // .tables
        assertTrue(o.contains("Dec-23        12.2"), o);                           // the multi-line statement
        assertTrue(o.contains("error: refused: the SQL console is read-only; 'DELETE'"), o);
        assertTrue(o.contains("change_previous"), o);                               // .schema kpi_trend
        assertTrue(o.contains("error: no public view 'nonsense'"), o);
        assertTrue(o.contains("1  SELECT period_label, value FROM observations"), o); // .history
        assertTrue(o.contains("twenty_week_timeliness"), o);                        // .ask
        assertTrue(o.contains("Dec-23: 12.2%"), o);                                 // .ask NAME AREA DATE
        assertTrue(o.contains("n\n-\n4\n"), o);
        assertFalse(o.contains("never run"), o);
        try (Warehouse w = Warehouse.openReadOnly(warehouse)) {
            assertEquals(4, w.count("SELECT count(*) FROM observation_fact"));
        }
    }

    @Test
    void sqlWithoutAQueryReadsStandardInput() {
        InputStream was = System.in;
        try {
            System.setIn(new ByteArrayInputStream("SELECT 40 + 2 AS answer;\n".getBytes(StandardCharsets.UTF_8)));
            CliRun r = run("sql", "--warehouse", warehouse.toString(), "--format", "csv");
            assertEquals(0, r.code(), r.err());
            assertEquals("answer\n42\n", r.out());
        } finally {
            System.setIn(was);
        }
    }

    @Test
    void csvOutputIsSafeToOpenInASpreadsheet() {
        assertEquals("'=HYPERLINK(\"\"http://x\"\")", ResultPrinter.csvCell("=HYPERLINK(\"http://x\")").replace("\"'", "'")
                .replaceAll("^\"|\"$", ""));
        assertEquals("'+44 20 7946 0000", ResultPrinter.csvCell("+44 20 7946 0000"));
        assertEquals("'@SUM(A1)", ResultPrinter.csvCell("@SUM(A1)"));
        assertEquals("'-cmd", ResultPrinter.csvCell("-cmd"));
        assertEquals("-5", ResultPrinter.csvCell("-5"));
        assertEquals("12.2", ResultPrinter.csvCell("12.2"));
        CliRun r = run("sql", "--warehouse", warehouse.toString(), "--format", "csv",
                "SELECT '=1+2' AS formula, '@A1' AS at, -3 AS negative, 'plain' AS word");
        assertEquals(0, r.code(), r.err());
        assertEquals("formula,at,negative,word\n'=1+2,'@A1,-3,plain\n", r.out());
    }
}

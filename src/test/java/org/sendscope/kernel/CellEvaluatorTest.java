package org.sendscope.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The kernel's Java evaluation, without Jupyter: JShell in this JVM. */
class CellEvaluatorTest {
    static CellEvaluator shell;

    @BeforeAll
    static void start() {
        shell = new CellEvaluator();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void stateCarriesAcrossCellsAndTheLastExpressionIsTheValue() {
        assertNull(shell.eval("int x = 20;\nint y = x + 1;"));
        assertEquals(42, shell.eval("int twice(int n) { return 2 * n; }\ntwice(y)"));
        // The value is the object itself, not JShell's source text: a String comes without quotes.
        assertEquals("abc", shell.eval("String s = \"abc\";\ns"));
        // A declaration or a statement last shows nothing.
        assertNull(shell.eval("x++;\nvar z = 3;"));
        assertEquals(21, shell.eval("x"));
    }

    @Test
    void theProjectClassPathIsThere() {
        Object t = shell.eval("Table.create(\"t\", IntColumn.create(\"n\", 1, 2, 3))");
        assertInstanceOf(Table.class, t);
        assertEquals(3, ((Table) t).rowCount());
    }

    @Test
    void aCompileErrorNamesTheCellsLine() {
        CellError e = assertThrows(CellError.class, () -> shell.eval("int a = 1;\n\n// a comment\nint b = a + nope;\nint c = 3;"));
        assertEquals("CompileError", e.kind());
        assertTrue(e.getMessage().startsWith("line 4: cannot find symbol"), e.getMessage());
        assertTrue(e.details().get(0).contains("int b = a + nope;"), e.details().toString());
        // Nothing after the error ran.
        assertThrows(CellError.class, () -> shell.eval("c"));
    }

    @Test
    void anExceptionNamesTheCellsLineAndEarlierCellsByNumber() {
        shell.eval("int divide(int a, int b) {\n  return a / b;\n}");
        int defined = shell.cellCount();
        CellError e = assertThrows(CellError.class, () -> shell.eval("int ok = 1;\nint bad = divide(1, 0);"));
        assertEquals("java.lang.ArithmeticException", e.kind());
        assertTrue(e.getMessage().contains("/ by zero"), e.getMessage());
        assertTrue(e.getMessage().contains("cell " + defined + ", line 2"), e.getMessage());
        assertTrue(String.join("\n", e.details()).contains("at line 2"), e.details().toString());
    }

    @Test
    void sendscopesOwnErrorsAreShownAsTheirSentence() {
        CellError e = assertThrows(CellError.class,
                () -> shell.eval("Sendscope.open(\"/nonexistent/w.duckdb\")"));
        assertEquals("NoDataException", e.kind());
        assertTrue(e.getMessage().startsWith("no data loaded"), e.getMessage());
        assertTrue(e.details().isEmpty());
    }

    @Test
    void completionUsesTheShellsState() {
        shell.eval("String greeting = \"hello\";");
        String code = "int k = 1;\ngreeting.toUpp";
        CellEvaluator.Completion c = shell.complete(code, code.length());
        assertTrue(c.options().contains("toUpperCase("), c.options().toString());
        assertEquals(code.indexOf("toUpp"), c.start());
        assertEquals("incomplete", shell.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals("complete", shell.completeness("int q = 1;"));
    }

    @Test
    void shiftTabShowsTheJavadocOfTheFacadeAndOfTablesaw() {
        String facade = shell.documentation("Sendscope.open(", "Sendscope.open(".length());
        assertTrue(facade.contains("Sendscope Sendscope.open()"), facade);
        assertTrue(facade.contains("The default warehouse, read-only, by the rule the commands use"), facade);
        shell.eval("Table docs = Table.create(\"d\");");
        String where = shell.documentation("docs.where(", "docs.where(".length());
        assertTrue(where.contains("Returns a table containing the rows contained in the given Selection"), where);
        String fan = shell.documentation("Chart.fan(", "Chart.fan(".length());
        assertTrue(fan.contains("A fan chart of a forecast alone."), fan);
    }

    @Test
    void anInterruptStopsARunningCell() throws Exception {
        CompletableFuture<CellError> running = CompletableFuture.supplyAsync(() -> {
            try {
                shell.eval("long spins = 0;\nwhile (true) { spins++; }");
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(1500);
        shell.interrupt();
        CellError e = running.get(20, TimeUnit.SECONDS);
        assertEquals("Interrupted", e.kind());
        // The shell still works afterwards.
        assertEquals(2, shell.eval("1 + 1"));
    }
}

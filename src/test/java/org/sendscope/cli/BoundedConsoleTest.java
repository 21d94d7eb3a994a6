package org.sendscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sendscope.report.TableFormat;
import org.sendscope.testing.CliRun;
import org.sendscope.warehouse.QueryLimits;
import org.sendscope.warehouse.ReadOnlyQuery;
import org.sendscope.warehouse.Warehouse;
import org.sendscope.warehouse.WarehouseException;

/**
 * The SQL console stays in its box (issue 9, item 7): the hand-written escape attempts of
 * {@code escape-attempts.sql} are all refused in one line, by the guard alone and through
 * {@code sendscope sql} and the console; ordinary queries that look like them still run; a query
 * is stopped at the time limit; table output stops at the row limit and says how to get more;
 * CSV streams; the read-only connection has its memory limit, locked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedConsoleTest {
    Path warehouse;

    @BeforeAll
    void build(@TempDir Path dir) {
        warehouse = dir.resolve("w.duckdb");
        Warehouse.open(warehouse).close();
    }

    /** The attempts of the corpus file: the text after each "==== why" line up to the next. */
    static List<String[]> attempts() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = BoundedConsoleTest.class.getResourceAsStream("/org/sendscope/warehouse/escape-attempts.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String why = null;
            StringBuilder sql = new StringBuilder();
            for (String line : (text + "\n==== end").split("\n")) {
                if (line.startsWith("====")) {
                    if (why != null) out.add(new String[] {why, sql.toString().strip()});
                    why = line.substring(4).strip();
                    sql.setLength(0);
                } else if (why != null) {
                    sql.append(line).append('\n');
                }
            }
        }
        return out;
    }

    @Test
    void everyEscapeAttemptIsRefusedInOneLine() throws IOException {
        List<String[]> all = attempts();
        assertTrue(all.size() >= 50, "at least 50 attempts, found " + all.size());
        int refused = 0;
        for (String[] a : all) {
            String why = a[0] + ": " + a[1];
            WarehouseException e = assertThrows(WarehouseException.class, () -> ReadOnlyQuery.check(a[1]), why);
            assertTrue(e.getMessage().startsWith("refused: "), why + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), why + " -> " + e.getMessage());
            // the same through the command line: exit 1, one line on stderr, nothing on stdout
            CliRun r = CliRun.of("sql", "--warehouse", warehouse.toString(), "--", a[1]);
            assertEquals(1, r.code(), why + " -> " + r.out() + r.err());
            assertEquals(1, r.err().strip().split("\n").length, why + " -> " + r.err());
            assertTrue(r.err().contains("refused: "), why + " -> " + r.err());
            assertEquals("", r.out(), why);
            refused++;
        }
        System.out.println("escape attempts tried " + all.size() + ", refused " + refused);
    }

    @Test
    void theConsoleRefusesEveryAttemptInOneLineAndCarriesOn() throws IOException {
        for (String[] a : attempts()) {
            String input = a[1] + ";\nSELECT 'still here' AS status;\n";
            StringWriter out = new StringWriter();
            try (Warehouse w = Warehouse.openReadOnly(warehouse, true)) {
                new SqlConsole(w, new BufferedReader(new StringReader(input)), new PrintWriter(out), TableFormat.csv, false)
                        .run();
            }
            List<String> errors = out.toString().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, errors.size(), a[0] + ": " + out);
            // an unterminated string swallows the rest of the input, as DuckDB would read it
            if (!errors.get(0).contains("not ended")) assertTrue(out.toString().contains("still here"), a[0] + ": " + out);
        }
    }

    @Test
    void queriesThatOnlyLookLikeEscapesStillRun() {
        String[] fine = {
            "SELECT '--' AS x",
            "SELECT 'DROP TABLE observation_fact; --' AS s",
            "SELECT '/* not a comment */' AS s, 1 AS n -- a real comment; with a semicolon",
            "SELECT E'it\\'s; fine' AS s",
            "SELECT $$ ; CREATE TABLE t $$ AS s",
            "SELECT $q$ it's ; $q$ AS s",
            "/* outer /* inner */ still a comment ; */ SELECT 1 AS n",
            "SELECT \"load_id\", \"status\" FROM loads",
            "SELECT 1 AS \"insert\"",
            "FROM loads SELECT count(*) AS n",
            "WITH x AS (SELECT 1 AS a) SELECT * FROM x",
            "(SELECT 1 AS n) UNION ALL (SELECT 2)",
            "VALUES (1, 'a'), (2, 'b')",
            "DESCRIBE observations",
            "SUMMARIZE SELECT 1 AS n",
            "EXPLAIN SELECT * FROM observations",
            "SHOW TABLES",
            "SELECT * FROM areas ORDER BY area_code DESC LIMIT 2",
            "SELECT area_code FROM areas WHERE name LIKE '%;%'",
            "SELECT 1 AS n;",
            "SELECT 1 AS n; -- a comment after the end",
        };
        for (String q : fine) {
            CliRun r = CliRun.of("sql", "--warehouse", warehouse.toString(), "--format", "csv", "--", q);
            assertEquals(0, r.code(), q + " -> " + r.err());
        }
        CliRun r = CliRun.of("sql", "--warehouse", warehouse.toString(), "--format", "csv", "SELECT '--' AS x");
        assertEquals("x\n'--\n", r.out());   // the CSV cell starting with '-' is neutralised for spreadsheets
    }

    @Test
    void theConsoleEndsAStatementAtASemicolonThatIsCode() {
        assertTrue(SqlConsole.endsStatement("SELECT '--' AS x;\n"));
        assertTrue(SqlConsole.endsStatement("SELECT 1; -- done\n"));
        assertFalse(SqlConsole.endsStatement("SELECT 'a;\n"));
        assertFalse(SqlConsole.endsStatement("SELECT $$ ;\n"));
        assertTrue(SqlConsole.endsStatement("SELECT E'it\\'s;' ;\n"));
        assertFalse(SqlConsole.endsStatement("SELECT 1 /* ; /* ; */ ;\n"));
        assertTrue(SqlConsole.endsStatement("SELECT 1 /* ; /* ; */ */ ;\n"));
        assertFalse(SqlConsole.endsStatement("SELECT \"a;\n"));
        assertFalse(SqlConsole.endsStatement("SELECT 1 -- ;"));
    }

    @Test
    void aQueryIsStoppedAtTheTimeLimitInOneLine() throws IOException {
        CliRun r = CliRun.of("sql", "--warehouse", warehouse.toString(), "--timeout", "1",
                "SELECT sum(i) FROM range(1000000000000) t(i)");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("sendscope: stopped: the query ran longer than the time limit of 1 s (--timeout SECONDS allows longer, "
                + "0 for no limit)", r.err().strip());
        // an endless recursive query too, in the console, which carries on afterwards
        String input = ".timeout 1\nWITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r;\n"
                + "SELECT 'after' AS s;\n";
        StringWriter out = new StringWriter();
        try (Warehouse w = Warehouse.openReadOnly(warehouse, true)) {
            new SqlConsole(w, new BufferedReader(new StringReader(input)), new PrintWriter(out), TableFormat.csv, false).run();
        }
        assertTrue(out.toString().contains("error: stopped: the query ran longer than the time limit of 1 s "
                + "(.timeout SECONDS allows longer, 0 for no limit)"), out.toString());
        assertTrue(out.toString().contains("after"), out.toString());
        assertEquals(1, CliRun.of("sql", "--warehouse", warehouse.toString(), "--timeout", "-1", "SELECT 1").code());
    }

    @Test
    void tableOutputStopsAtTheRowLimitAndSaysHowToGetMore() {
        CliRun r = CliRun.of("sql", "--warehouse", warehouse.toString(), "SELECT i FROM range(10050) t(i)");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("(10000 rows)", lines.get(lines.size() - 2));
        assertEquals("(the first 10,000 rows are shown; the query has more. --max-rows N shows more; --format csv or "
                + "--format json writes every row)", lines.get(lines.size() - 1));
        assertEquals("9999", lines.get(lines.size() - 3).strip());
        CliRun three = CliRun.of("sql", "--warehouse", warehouse.toString(), "--max-rows", "3", "SELECT i FROM range(4) t(i)");
        assertTrue(three.out().contains("(3 rows)\n(the first 3 rows are shown; the query has more."), three.out());
        CliRun exact = CliRun.of("sql", "--warehouse", warehouse.toString(), "--max-rows", "3", "SELECT i FROM range(3) t(i)");
        assertTrue(exact.out().endsWith("(3 rows)\n"), exact.out());
        // CSV and JSON write every row
        CliRun csv = CliRun.of("sql", "--warehouse", warehouse.toString(), "--format", "csv", "SELECT i FROM range(10050) t(i)");
        assertEquals(10051, csv.out().lines().count());
        CliRun json = CliRun.of("sql", "--warehouse", warehouse.toString(), "--format", "json", "--max-rows", "1",
                "SELECT i, 'a' AS s FROM range(3) t(i)");
        assertEquals("[\n  {\"i\": 0, \"s\": \"a\"},\n  {\"i\": 1, \"s\": \"a\"},\n  {\"i\": 2, \"s\": \"a\"}\n]\n", json.out());
    }

    @Test
    void csvRowsAreWrittenAsTheyComeNotHeldUntilTheEnd() {
        // An endless result: with every row buffered first nothing would be written before the limit.
        long[] lines = {0};
        Writer counting = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) if (buf[i] == '\n') lines[0]++;
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        try (Warehouse w = Warehouse.openReadOnly(warehouse, true)) {
            WarehouseException e = assertThrows(WarehouseException.class, () -> SqlCommand.run(w,
                    ReadOnlyQuery.check("SELECT i FROM range(1000000000000) t(i)"), QueryLimits.defaults().withTimeout(2),
                    TableFormat.csv, new PrintWriter(counting), SqlCommand.MORE_ROWS, "--timeout SECONDS"));
            assertTrue(e.getMessage().startsWith("stopped: the query ran longer than the time limit of 2 s"), e.getMessage());
        }
        assertTrue(lines[0] > 100_000, "rows written before the time limit: " + lines[0]);
    }

    @Test
    void theReadOnlyConnectionHasAQuarterOfTheMemoryAndItCannotBeRaised() throws Exception {
        String expected;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET memory_limit = '" + QueryLimits.memoryLimit() + "'");
            ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit')");
            rs.next();
            expected = rs.getString(1);
        }
        long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize();
        assertEquals(total / 4 >> 20, Long.parseLong(QueryLimits.memoryLimit().replace("MB", "")));
        try (Warehouse w = Warehouse.openReadOnly(warehouse); Statement s = w.connection().createStatement()) {
            ResultSet rs = s.executeQuery("SELECT current_setting('memory_limit')");
            rs.next();
            assertEquals(expected, rs.getString(1));
            // past the guard, DuckDB itself refuses: the configuration is locked
            assertThrows(java.sql.SQLException.class, () -> s.execute("SET memory_limit = '100GB'"));
        }
        assertEquals(1, CliRun.of("sql", "--warehouse", warehouse.toString(), "SET memory_limit = '100GB'").code());
    }
}
